import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportPreview } from '../api/types.ts';
import { CONTACT_ROLES, options, PHASES, REGIONS, SEGMENTS } from '../ui/labels.ts';
import type { ImportChoices } from './import-api.ts';
import { mappingOf } from './MappingTable.tsx';

const FORMAT_LABELS: Record<string, string> = {
  'hubspot-export': 'HubSpot export',
  salesforce: 'Salesforce (API names)',
  'fivetran-hubspot': 'Fivetran HubSpot table',
  'fivetran-salesforce': 'Fivetran Salesforce table',
  mapped: 'My own mapping',
};

/** The values a picklist field takes, for defaults and alias targets. */
const LISTS: Record<string, Record<string, string>> = {
  segment: SEGMENTS,
  lifecycle_phase: PHASES,
  region: REGIONS,
  role: CONTACT_ROLES,
};

/** Format, date order, defaults for new records and the amounts' decimal separator, as far as the kind takes them. */
export function ImportOptions({
  preview,
  takes,
  choices,
  onChange,
}: {
  preview: ImportPreview;
  /** The common options the kind reads (the server's list of kinds says). */
  takes: readonly string[];
  choices: ImportChoices;
  onChange: (c: ImportChoices) => void;
}) {
  const detected = preview.detected && preview.format ? ` (${FORMAT_LABELS[preview.format] ?? preview.format})` : '';
  const formats = [
    { value: '', label: `Tell from the file${detected}` },
    ...preview.formats.map((f) => ({ value: f, label: FORMAT_LABELS[f] ?? f })),
  ];
  const needsOrder = preview.dateOrder.status === 'ambiguous' || preview.dateOrder.status === 'conflict';
  return (
    <Group align="flex-start" gap="md">
      <Select
        label="Format"
        data={formats}
        value={choices.format}
        allowDeselect={false}
        w={280}
        onChange={(v) => {
          const format = v ?? '';
          const mapping = format === 'mapped' ? mappingOf(preview) : undefined;
          onChange({ ...choices, format, mapping, columns: undefined });
        }}
        data-testid="import-format"
      />
      {takes.includes('dateOrder') && (
        <Select
          label="Dates like 03/04/24"
          description={preview.dateOrder.message}
          error={needsOrder && !choices.dateOrder ? 'choose the order these dates are written in' : undefined}
          data={[
            {
              value: '',
              label:
                preview.dateOrder.status === 'proven'
                  ? `As the file shows (${preview.dateOrder.order})`
                  : 'As the file shows',
            },
            { value: 'mdy', label: 'month/day/year' },
            { value: 'dmy', label: 'day/month/year' },
          ]}
          value={choices.dateOrder}
          allowDeselect={false}
          w={300}
          onChange={(v) => onChange({ ...choices, dateOrder: (v ?? '') as ImportChoices['dateOrder'] })}
        />
      )}
      {preview.defaultFields.map((field) => (
        <Select
          key={field}
          label={`New ${preview.kind} without a ${field.replace('_', ' ')}`}
          placeholder={field === 'segment' ? 'required when the file has none' : 'Baton’s default'}
          data={options(LISTS[field] ?? {})}
          value={choices.defaults[field] ?? null}
          clearable
          w={240}
          onChange={(v) => onChange({ ...choices, defaults: { ...choices.defaults, [field]: v ?? '' } })}
          data-testid={`import-default-${field}`}
        />
      ))}
      {takes.includes('decimal') && (
        <Select
          label="Amounts"
          data={[
            { value: '', label: '1,200.50 (decimal point)' },
            { value: ',', label: '1.200,50 (decimal comma)' },
          ]}
          value={choices.decimal === '.' ? '' : choices.decimal}
          allowDeselect={false}
          w={220}
          onChange={(v) => onChange({ ...choices, decimal: (v ?? '') as ImportChoices['decimal'] })}
        />
      )}
    </Group>
  );
}

/** Other spellings of a field's values: `Mid-Market` → `mid_market`. */
export function AliasEditor({
  preview,
  choices,
  onChange,
}: {
  preview: ImportPreview;
  choices: ImportChoices;
  onChange: (c: ImportChoices) => void;
}) {
  const [chosen, setField] = useState<string | null>(null);
  const field = chosen && preview.aliasFields.includes(chosen) ? chosen : (preview.aliasFields[0] ?? null);
  const [spelling, setSpelling] = useState('');
  const [canonical, setCanonical] = useState('');
  if (preview.aliasFields.length === 0) return null;
  const list = field ? LISTS[field] : undefined;
  const rows = Object.entries(choices.aliases).flatMap(([f, table]) =>
    Object.entries(table).map(([s, c]) => ({ field: f, spelling: s, canonical: c })),
  );
  const set = (f: string, s: string, c: string | null) => {
    const table = { ...(choices.aliases[f] ?? {}) };
    if (c === null) delete table[s];
    else table[s] = c;
    onChange({ ...choices, aliases: { ...choices.aliases, [f]: table } });
  };
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          Other spellings
        </Text>
        <Text size="xs" c="dimmed">
          A value Baton does not know is a row error, never a guess. Say what the file’s own words mean here.
        </Text>
        {rows.map((r) => (
          <Group key={`${r.field}:${r.spelling}`} gap="xs">
            <Text size="sm">
              {r.field}: “{r.spelling}” → {r.canonical}
            </Text>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={`Remove alias ${r.spelling}`}
              onClick={() => set(r.field, r.spelling, null)}
            >
              <IconX size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Group align="flex-end" gap="xs">
          <Select
            size="xs"
            label="Field"
            data={[...preview.aliasFields]}
            value={field}
            onChange={setField}
            allowDeselect={false}
            w={150}
          />
          <TextInput
            size="xs"
            label="The file says"
            value={spelling}
            onChange={(e) => setSpelling(e.currentTarget.value)}
            w={180}
            data-testid="import-alias-spelling"
          />
          {list ? (
            <Select
              size="xs"
              label="Which means"
              data={options(list)}
              value={canonical || null}
              onChange={(v) => setCanonical(v ?? '')}
              w={180}
              data-testid="import-alias-canonical"
            />
          ) : (
            <TextInput
              size="xs"
              label="Which means"
              value={canonical}
              onChange={(e) => setCanonical(e.currentTarget.value)}
              w={180}
              data-testid="import-alias-canonical"
            />
          )}
          <Button
            size="xs"
            variant="light"
            disabled={!field || !spelling.trim() || !canonical.trim()}
            onClick={() => {
              if (!field) return;
              set(field, spelling.trim(), canonical.trim());
              setSpelling('');
              setCanonical('');
            }}
          >
            Add
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
