import { Alert, Button, FileInput, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { query, upload } from '../api/client.ts';
import type { ImportResult } from '../api/types.ts';
import { ImportReport } from './ImportReport.tsx';

/**
 * Uploads a CSV to an import endpoint that takes the file as its body (people, timesheets, licensed seats), a dry
 * run first by default, and shows its row-level report; `refresh` names the queries the import changes.
 */
export function CsvImportCard({
  title,
  url,
  help,
  refresh,
  testId = 'csv-import',
}: {
  title: string;
  url: string;
  help: string;
  refresh: readonly unknown[];
  testId?: string;
}) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const run = useMutation({
    mutationFn: (f: File) => upload<ImportResult>(`${url}${query({ dryRun: String(dryRun), fileName: f.name })}`, f),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...refresh] }),
  });
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="xs">
        <Title order={4}>{title}</Title>
        <Text size="sm" c="dimmed">
          {help}
        </Text>
        <Group align="flex-end">
          <FileInput
            label="CSV file"
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            w={280}
            clearable
            data-testid={`${testId}-file`}
          />
          <Switch
            label="Dry run (write nothing)"
            checked={dryRun}
            onChange={(e) => setDryRun(e.currentTarget.checked)}
          />
          <Button
            disabled={!file}
            loading={run.isPending}
            onClick={() => file && run.mutate(file)}
            data-testid={`${testId}-run`}
          >
            {dryRun ? 'Check file' : 'Import'}
          </Button>
        </Group>
        {run.error && <Alert color="red">{run.error.message}</Alert>}
        {run.data && file && <ImportReport result={run.data} fileName={file.name} />}
      </Stack>
    </Paper>
  );
}
