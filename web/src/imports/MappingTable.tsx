import { Badge, Button, MultiSelect, Paper, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportPreview } from '../api/types.ts';
import type { ImportChoices } from './import-api.ts';

/**
 * The own mapping asked for so far: the user's latest choices, which the preview on screen may not show yet
 * (it is refetched after each change), else the preview's.
 */
const askedMapping = (preview: ImportPreview, choices: ImportChoices): Record<string, string[]> =>
  choices.format === 'mapped' && choices.mapping ? choices.mapping : mappingOf(preview);

/** The preview's mapping as column → the fields it feeds (a column may feed several). */
export function mappingOf(preview: ImportPreview): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of preview.mapping) if (m.field) out[m.column] = [...(out[m.column] ?? []), m.field];
  return out;
}

/**
 * The mapping the user asks for when a column changes its fields; named formats take overrides (one field per
 * column), `mapped` a whole mapping. A field chosen for a column is taken from the column that fed it before.
 */
export function remap(preview: ImportPreview, choices: ImportChoices, column: string, fields: string[]): ImportChoices {
  const own = choices.format === 'mapped' || preview.format === null || preview.format === 'mapped';
  if (own) {
    const mapping: Record<string, string[]> = {};
    for (const [c, fs] of Object.entries(askedMapping(preview, choices))) {
      const kept = c === column ? [] : fs.filter((f) => !fields.includes(f));
      if (kept.length) mapping[c] = kept;
    }
    if (fields.length) mapping[column] = fields;
    return { ...choices, format: 'mapped', mapping, columns: undefined };
  }
  const field = fields[0] ?? null;
  const columns = Object.fromEntries(
    Object.entries(choices.columns ?? {}).filter(([f, c]) => c !== column && f !== field),
  );
  if (field) columns[field] = column;
  return { ...choices, columns };
}

/** One line per column of the file: a sample value and the field it feeds, which the user may change. */
export function MappingTable({
  preview,
  choices,
  onChange,
}: {
  preview: ImportPreview;
  choices: ImportChoices;
  onChange: (c: ImportChoices) => void;
}) {
  const own = choices.format === 'mapped' || preview.format === null || preview.format === 'mapped';
  const fieldData = preview.fields.map((f) => ({ value: f.name, label: f.required ? `${f.name} *` : f.name }));
  const data = [{ value: '', label: '(not imported)' }, ...fieldData];
  const described = new Map(preview.fields.map((f) => [f.name, f.description]));
  const [showAll, setShowAll] = useState(false);
  // One line per column, with every field it feeds.
  const byColumn = new Map<string, { column: string; sample: string | null; fields: string[] }>();
  for (const m of preview.mapping) {
    const line = byColumn.get(m.column) ?? { column: m.column, sample: m.sample, fields: [] };
    if (m.field) line.fields.push(m.field);
    byColumn.set(m.column, line);
  }
  // Wide exports (Salesforce has 50+ columns): the columns Baton reads first, the rest one click away.
  const used = [...byColumn.values()].filter((m) => m.fields.length > 0);
  const unused = [...byColumn.values()].filter((m) => m.fields.length === 0);
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
          {lines
            .map((m) => ({ ...m, fields: asked ? (asked[m.column] ?? []) : m.fields }))
            .map((m) => (
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
                    value={m.fields[0] ?? ''}
                    searchable
                    allowDeselect={false}
                    onChange={(v) =>
                      onChange(
                        remap(preview, choices, m.column, v ? [v, ...m.fields.slice(1).filter((f) => f !== v)] : []),
                      )
                    }
                  />
                  {own && m.fields.length > 0 && (
                    <MultiSelect
                      size="xs"
                      mt={4}
                      aria-label={`More fields for ${m.column}`}
                      placeholder={m.fields.length > 1 ? undefined : 'also feeds…'}
                      data={fieldData.filter((f) => f.value !== m.fields[0])}
                      value={m.fields.slice(1)}
                      searchable
                      onChange={(more) => onChange(remap(preview, choices, m.column, [m.fields[0] as string, ...more]))}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {m.fields
                      .map((f) => described.get(f))
                      .filter(Boolean)
                      .join(' · ')}
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
          <>
            Your own mapping: every column you give a field is imported, the others are not; a column may feed several
            fields. Fields marked * are required.
          </>
        ) : (
          <>
            <Badge size="xs" variant="light" mr={4}>
              {preview.format}
            </Badge>
            reads its own columns; choosing a field for another column reads that field from it instead. To leave one of
            the format's columns out, choose “My own mapping” as the format.
          </>
        )}
      </Text>
    </Paper>
  );
}
