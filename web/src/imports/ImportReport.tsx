import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import type { ImportResult } from '../api/types.ts';
import { download, kindLabel, rejectedCsv } from './import-api.ts';

const SHOWN = 200;

/** The report of a dry run or an import: what it did, what it noted, and every rejected row. */
export function ImportReport({ result, fileName }: { result: ImportResult; fileName: string }) {
  const counts: Array<[string, number, string]> = [
    ['read', result.read, 'gray'],
    [result.dryRun ? 'would create' : 'created', result.created, 'teal'],
    [result.dryRun ? 'would update' : 'updated', result.updated, 'blue'],
    ['unchanged', result.unchanged, 'gray'],
    ['rejected', result.rejected, result.rejected ? 'red' : 'gray'],
    ['skipped', result.skipped, 'gray'],
  ];
  return (
    <Paper withBorder p="md" data-testid="import-report">
      <Stack gap="sm">
        <Group gap="xs">
          <Text fw={600}>{result.dryRun ? 'Dry run: nothing was written' : `Imported ${kindLabel(result.kind)}`}</Text>
          <Badge variant="light">{result.format}</Badge>
        </Group>
        <Group gap="xs">
          {counts.map(([label, n, color]) => (
            <Badge
              key={label}
              color={color}
              variant="light"
              size="lg"
              data-testid={`import-count-${label.replace(' ', '-')}`}
            >
              {label} {n.toLocaleString()}
            </Badge>
          ))}
        </Group>
        {result.notes.length > 0 && (
          <List size="sm" spacing={2}>
            {result.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        )}
        {result.errors.length > 0 && (
          <>
            <Group justify="space-between">
              <Text size="sm">
                {result.rejected.toLocaleString()} row{result.rejected === 1 ? '' : 's'} rejected
                {result.errors.length > SHOWN ? ` (first ${SHOWN} problems shown)` : ''}
              </Text>
              <Button
                size="xs"
                variant="light"
                onClick={() => download(rejectedCsv(result.errors), `${fileName.replace(/\.csv$/i, '')}-rejected.csv`)}
                data-testid="import-download-rejected"
              >
                Download rejected rows (CSV)
              </Button>
            </Group>
            <Table verticalSpacing={2} fz="sm" data-testid="import-rejected-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>Row</Table.Th>
                  <Table.Th w={180}>Field</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.errors.slice(0, SHOWN).map((e, i) => (
                  <Table.Tr key={`${e.row}:${e.field}:${i}`}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.field}</Table.Td>
                    <Table.Td>{e.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {result.errorsTruncated && (
              <Alert color="yellow" variant="light">
                More rows were rejected than a report keeps; fix the ones listed and import again.
              </Alert>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
