import { Badge, Paper, ScrollArea, Table, Text } from '@mantine/core';
import type { ImportPreview } from '../api/types.ts';

const show = (v: unknown): string =>
  v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** The first rows as Baton would store them; a rejected row shows its cells as written and each problem. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const known = preview.format !== null;
  const columns = known
    ? preview.fields.map((f) => f.name).filter((name) => preview.mapping.some((m) => m.field === name))
    : preview.headers;
  return (
    <Paper withBorder>
      <ScrollArea>
        <Table verticalSpacing={4} fz="sm" data-testid="import-preview-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
              <Table.Th>Problems</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => {
              const bad = r.errors.length > 0;
              const fields = new Set(r.errors.map((e) => e.field));
              return (
                <Table.Tr
                  key={r.row}
                  bg={
                    bad ? 'var(--mantine-color-red-light)' : r.skipped ? 'var(--mantine-color-gray-light)' : undefined
                  }
                  data-rejected={bad || undefined}
                >
                  <Table.Td>{r.row}</Table.Td>
                  {columns.map((c) => (
                    <Table.Td
                      key={c}
                      c={fields.has(c) ? 'red' : undefined}
                      fw={fields.has(c) ? 600 : undefined}
                      maw={240}
                    >
                      <Text size="sm" truncate>
                        {show(r.values[c])}
                      </Text>
                    </Table.Td>
                  ))}
                  <Table.Td miw={240}>
                    {r.skipped && (
                      <Badge size="xs" color="gray" variant="light">
                        skipped: {r.skipped}
                      </Badge>
                    )}
                    {r.errors.map((e) => (
                      <Text key={`${e.field}:${e.reason}`} size="xs" c="red">
                        {e.field}: {e.reason}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {preview.rows.length === 0 && (
        <Text p="md" c="dimmed">
          The file has no rows under its header.
        </Text>
      )}
    </Paper>
  );
}
