import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  Loader,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconFileTypeCsv } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, get } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { ImportKind, ImportResult, ImportRunView, Session } from '../api/types.ts';
import type { ImportKindView } from '../../../src/platform/imports/import-run.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { type ImportChoices, NO_CHOICES, previewImport, runImport } from './import-api.ts';
import { AliasEditor, ImportOptions } from './ImportOptions.tsx';
import { ImportReport } from './ImportReport.tsx';
import { ImportRuns } from './ImportRuns.tsx';
import { MappingTable } from './MappingTable.tsx';
import { PreviewTable } from './PreviewTable.tsx';

/** A run id the page knows before its upload ends, so it can follow the run (random UUID v4, also over plain HTTP). */
function newRunId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;

/**
 * Deals & handoffs → Imports: choose what to import and a CSV; Baton tells the format and previews the first
 * 20 rows with the column mapping and each row's problems; the mapping, spellings and defaults can be changed;
 * a dry run reports everything without writing; an import shows the rows read as it goes, then its report.
 */
export function ImportsTab({ session }: { session: Session; subPath: string }) {
  const qc = useQueryClient();
  const listed = useQuery({
    queryKey: ['import-kinds'],
    queryFn: () => get<{ items: ImportKindView[] }>('/api/v1/imports/kinds'),
    staleTime: Infinity,
  });
  // The kinds this page previews and maps, that the person may import; deals first when they may.
  const kinds = (listed.data?.items ?? []).filter((k) => k.preview && can(session, k.access));
  const [chosen, setKind] = useState<ImportKind | null>(null);
  const kind = chosen ?? kinds.find((k) => k.kind === 'deals')?.kind ?? kinds[0]?.kind ?? 'deals';
  const takes = kinds.find((k) => k.kind === kind)?.takes ?? [];
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<ImportChoices>(NO_CHOICES);
  const [run, setRun] = useState<{ runId: string; dryRun: boolean } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const preview = useQuery({
    queryKey: ['import-preview', kind, file?.name, file?.size, file?.lastModified, choices],
    queryFn: () => previewImport(kind, file as File, choices),
    enabled: file !== null && kinds.length > 0,
    retry: false,
    // While a changed mapping is previewed, the last preview of the same file stays on screen.
    placeholderData: (previous, query) =>
      query?.queryKey[1] === kind && query.queryKey[2] === file?.name && query.queryKey[3] === file?.size
        ? previous
        : undefined,
  });
  const importing = useMutation({
    mutationFn: (dryRun: boolean) => {
      const runId = newRunId();
      setRun({ runId, dryRun });
      setResult(null);
      return runImport(kind, file as File, choices, {
        dryRun,
        runId,
        proven: preview.data?.dateOrder.status === 'proven' ? preview.data.dateOrder.order : null,
      });
    },
    onSuccess: (r) => {
      setResult(r);
      for (const key of ['import-runs', 'deals', 'accounts']) qc.invalidateQueries({ queryKey: [key] });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['import-runs'] }),
  });
  const progress = useQuery({
    queryKey: ['import-run', run?.runId],
    // Until the upload's first bytes arrive the run does not exist yet: not an error, just nothing to show.
    queryFn: () =>
      get<ImportRunView>(`/api/v1/imports/${run?.runId}`).catch((e: unknown) =>
        e instanceof ApiError && e.status === 404 ? null : Promise.reject(e),
      ),
    enabled: run !== null && importing.isPending,
    refetchInterval: 500,
    retry: false,
  });

  const reset = (next: { kind?: ImportKind; file?: File | null }) => {
    if (next.kind !== undefined) setKind(next.kind);
    if (next.file !== undefined) setFile(next.file);
    setChoices(NO_CHOICES);
    setResult(null);
    importing.reset();
  };

  if (!can(session, 'imports:run')) return <Text c="dimmed">Your role does not import records.</Text>;
  if (listed.isError) return <ErrorState error={listed.error} />;
  if (!listed.data) return <Loader size="sm" />;
  const p = preview.data;
  const tooLarge = p !== undefined && file !== null && file.size > p.maxBytes;
  const needsOrder =
    p !== undefined &&
    takes.includes('dateOrder') &&
    (p.dateOrder.status === 'ambiguous' || p.dateOrder.status === 'conflict') &&
    !choices.dateOrder;
  const blocked = !p || p.problems.length > 0 || tooLarge || needsOrder || preview.isFetching;

  return (
    <Stack>
      <Text c="dimmed" size="sm">
        Import CRM exports (Salesforce, HubSpot, Fivetran tables) or any CSV with your own column mapping. Importing the
        same file again changes nothing; a changed row updates its record. Also from the command line:{' '}
        <Code>
          baton import {kind} &lt;file&gt; --workspace {session.workspace.slug}
        </Code>
      </Text>
      <Paper withBorder p="md">
        <Group align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              What to import
            </Text>
            <SegmentedControl
              data={kinds.map((k) => ({ value: k.kind, label: k.label }))}
              value={kind}
              onChange={(v) => reset({ kind: v as ImportKind })}
              data-testid="import-kind"
            />
          </Stack>
          <FileInput
            label="CSV file"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            leftSection={<IconFileTypeCsv size={16} />}
            value={file}
            onChange={(f) => reset({ file: f })}
            clearable
            w={360}
            data-testid="import-file"
          />
          {preview.isFetching && <Loader size="sm" />}
        </Group>
      </Paper>

      {preview.isError && <ErrorState error={preview.error} />}
      {p && file && (
        <>
          {tooLarge && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />}>
              The file is {megabytes(file.size)}; an import takes up to {megabytes(p.maxBytes)}. Split it, or use{' '}
              <Code>baton import</Code> on the server.
            </Alert>
          )}
          {p.problems.length > 0 && (
            <Alert
              color="yellow"
              icon={<IconAlertTriangle size={18} />}
              title="Before this file can be imported"
              data-testid="import-problems"
            >
              {p.problems.map((problem) => (
                <Text key={problem} size="sm">
                  {problem}
                </Text>
              ))}
            </Alert>
          )}
          <ImportOptions preview={p} takes={takes} choices={choices} onChange={setChoices} />
          <Title order={5}>Columns</Title>
          <MappingTable preview={p} choices={choices} onChange={setChoices} />
          <AliasEditor preview={p} choices={choices} onChange={setChoices} />
          <Title order={5}>First {p.rows.length} rows as Baton reads them</Title>
          <PreviewTable preview={p} />
          <Group>
            <Button
              variant="default"
              onClick={() => importing.mutate(true)}
              disabled={blocked || importing.isPending}
              loading={importing.isPending && run?.dryRun}
              data-testid="import-dry-run"
            >
              Dry run
            </Button>
            <Button
              onClick={() => importing.mutate(false)}
              disabled={blocked || importing.isPending}
              loading={importing.isPending && !run?.dryRun}
              data-testid="import-run"
            >
              Import
            </Button>
            {needsOrder && (
              <Text size="sm" c="dimmed">
                Choose the date order first.
              </Text>
            )}
          </Group>
        </>
      )}

      {importing.isPending && (
        <Paper withBorder p="md" data-testid="import-progress">
          <Text size="sm" mb={6}>
            {run?.dryRun ? 'Checking' : 'Importing'} {file?.name}: {(progress.data?.read ?? 0).toLocaleString()} rows
            read
            {progress.data
              ? ` · ${progress.data.created.toLocaleString()} ${run?.dryRun ? 'to create' : 'created'} · ${progress.data.rejected.toLocaleString()} rejected`
              : ''}
          </Text>
          <Progress value={100} animated striped aria-label="Import running" />
        </Paper>
      )}
      {importing.isError && <ErrorState error={importing.error} />}
      {result && file && <ImportReport result={result} fileName={file.name} />}

      <Title order={5}>Past imports</Title>
      <ImportRuns />
    </Stack>
  );
}
