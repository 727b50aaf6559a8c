import { Badge, Button, Paper, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportPreview } from '../api/types.ts';
import type { ImportChoices } from './import-api.ts';

/**
 * The own mapping asked for so far: the user's latest choices, which the preview on screen may not show yet
 * (it is refetched after each change), else the preview's.
 */
const askedMapping = (preview: ImportPreview, choices: ImportChoices): Record<string, string> =>
  choices.format === 'mapped' && choices.mapping ? choices.mapping : Object.fromEntries(preview.mapping.filter((m) => m.field).map((m) => [m.column, m.field as string]));

/** The mapping the user asks for when a column changes field; named formats take overrides, `mapped` a whole mapping. */
export function remap(preview: ImportPreview, choices: ImportChoices, column: string, field: string | null): ImportChoices {
  const own = choices.format === 'mapped' || preview.format === null || preview.format === 'mapped';
  if (own) {
    const mapping: Record<string, string> = {};
    for (const [c, f] of Object.entries(askedMapping(preview, choices))) if (c !== column && f !== field) mapping[c] = f;
    if (field) mapping[column] = field;
    return { ...choices, format: 'mapped', mapping, columns: undefined };
  }
  const columns = Object.fromEntries(Object.entries(choices.columns ?? {}).filter(([f, c]) => c !== column && f !== field));
  if (field) columns[field] = column;
  return { ...choices, columns };
}

/** One line per column of the file: a sample value and the field it feeds, which the user may change. */
export function MappingTable({ preview, choices, onChange }: { preview: ImportPreview; choices: ImportChoices; onChange: (c: ImportChoices) => void }) {
  const own = choices.format === 'mapped' || preview.format === null || preview.format === 'mapped';
  const data = [{ value: '', label: '(not imported)' }, ...preview.fields.map((f) => ({ value: f.name, label: f.required ? `${f.name} *` : f.name }))];
  const described = new Map(preview.fields.map((f) => [f.name, f.description]));
  const [showAll, setShowAll] = useState(false);
  // Wide exports (Salesforce has 50+ columns): the columns Baton reads first, the rest one click away.
  const used = preview.mapping.filter((m) => m.field);
  const unused = preview.mapping.filter((m) => !m.field);
  const folded = unused.length > 8 && used.length > 0 && !showAll;
  const lines = folded ? used : [...used, ...unused];
  // A choice shows at once, before the preview that reads the file with it comes back.
  const asked = own ? askedMapping(preview, choices) : undefined;
  return (
    <Paper withBorder>
      <Table verticalSpacing={4} data-testid="import-mapping-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column in the file</Table.Th>
            <Table.Th>First value</Table.Th>
            <Table.Th w={260}>Baton field</Table.Th>
            <Table.Th>Meaning</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((m) => ({ ...m, field: (asked ? asked[m.column] : m.field) ?? null })).map((m) => (
            <Table.Tr key={m.column}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {m.column}
                </Text>
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="sm" c="dimmed" truncate>
                  {m.sample ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={`Field for ${m.column}`}
                  data={data}
                  value={m.field ?? ''}
                  searchable
                  allowDeselect={false}
                  onChange={(v) => onChange(remap(preview, choices, m.column, v || null))}
                />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {m.field ? described.get(m.field) : ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {folded && (
        <Button variant="subtle" size="xs" m="xs" onClick={() => setShowAll(true)}>
          Show the {unused.length} columns not imported
        </Button>
      )}
      <Text size="xs" c="dimmed" p="xs">
        {own ? (
          <>Your own mapping: every column you give a field is imported, the others are not. Fields marked * are required.</>
        ) : (
          <>
            <Badge size="xs" variant="light" mr={4}>
              {preview.format}
            </Badge>
            reads its own columns; choosing a field for another column reads that field from it instead. To leave one of the format's columns out, choose
            “My own mapping” as the format.
          </>
        )}
      </Text>
    </Paper>
  );
}
