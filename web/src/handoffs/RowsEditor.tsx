import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

export interface Column<T> {
  key: keyof T & string;
  label: string;
  placeholder?: string;
  /** Relative width. */
  grow?: number;
}

/** An editable list of small records (goals, integrations, risks …): one row of inputs each. */
export function RowsEditor<T extends Record<string, string | null>>({
  label,
  description,
  rows,
  columns,
  empty,
  readOnly,
  onChange,
  testId,
}: {
  label: string;
  description?: string;
  rows: T[];
  columns: Column<T>[];
  empty: T;
  readOnly: boolean;
  onChange: (rows: T[]) => void;
  testId: string;
}) {
  const set = (i: number, key: keyof T, value: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <Stack gap={6} data-testid={testId}>
      <div>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          {columns.map((c) => (
            <TextInput
              key={c.key}
              aria-label={`${label} ${i + 1}: ${c.label}`}
              placeholder={c.placeholder ?? c.label}
              value={row[c.key] ?? ''}
              onChange={(e) => set(i, c.key, e.currentTarget.value)}
              readOnly={readOnly}
              style={{ flex: c.grow ?? 1 }}
            />
          ))}
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove ${label} ${i + 1}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              mt={4}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...rows, { ...empty }])}
        >
          Add {label.toLowerCase().replace(/s$/, '')}
        </Button>
      )}
    </Stack>
  );
}
