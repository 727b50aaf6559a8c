import { ActionIcon, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, get } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { CATEGORIES, CATEGORY_LABELS, type Category, type RulesPreview, type TicketRule } from './types.ts';

interface Draft {
  key: number;
  category: Category;
  field: TicketRule['field'];
  /** One phrase a line. */
  phrases: string;
}

let keys = 0;
const toDraft = (r: TicketRule): Draft => ({
  key: ++keys,
  category: r.category,
  field: r.field,
  phrases: r.any.join('\n'),
});
const toRule = (d: Draft): TicketRule => ({
  category: d.category,
  field: d.field,
  any: d.phrases
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean),
});

const FIELDS = [
  { value: 'any', label: 'Subject or description' },
  { value: 'subject', label: 'Subject only' },
  { value: 'description', label: 'Description only' },
];

/**
 * The workspace's keyword rules: in order (the first matching rule labels a ticket), with a preview of how many
 * tickets each would label before they are saved.
 */
export function RulesEditor({ canWrite }: { canWrite: boolean }) {
  const client = useQueryClient();
  const saved = useQuery({
    queryKey: ['support', 'rules'],
    queryFn: () => get<{ rules: TicketRule[] }>('/api/v1/support/rules'),
  });
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  useEffect(() => {
    if (saved.data && drafts === null) setDrafts(saved.data.rules.map(toDraft));
  }, [saved.data, drafts]);
  const preview = useMutation({
    mutationFn: (rules: TicketRule[]) => api<RulesPreview>('POST', '/api/v1/support/rules/preview', { rules }),
  });
  const save = useMutation({
    mutationFn: (rules: TicketRule[]) => api<{ rules: TicketRule[] }>('PUT', '/api/v1/support/rules', { rules }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['support', 'rules'] }),
  });
  const list = drafts ?? [];
  const edit = (key: number, patch: Partial<Draft>) => {
    setDrafts(list.map((d) => (d.key === key ? { ...d, ...patch } : d)));
    preview.reset();
    save.reset();
  };
  const move = (i: number, by: number) => {
    const next = [...list];
    const [d] = next.splice(i, 1);
    next.splice(i + by, 0, d!);
    setDrafts(next);
    preview.reset();
  };
  const shown = preview.data;
  return (
    <Paper withBorder p="md" data-testid="rules-editor">
      <Title order={3} size="h4">
        Keyword rules
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Rules label the tickets their help desk did not, before the model does; the first rule with a matching phrase
        gives the category. A phrase matches whole words in any case; one written /like this/ is a regular expression.
        Preview tells how many tickets each rule would label now.
      </Text>
      {saved.error && <ErrorState error={saved.error} />}
      <Stack gap="sm">
        {list.map((d, i) => {
          const counted = shown?.rules[i];
          return (
            <Paper key={d.key} withBorder p="sm" data-testid="rule">
              <Group align="flex-end" wrap="wrap">
                <NativeSelect
                  label={`Rule ${i + 1}: category`}
                  value={d.category}
                  disabled={!canWrite}
                  onChange={(e) => edit(d.key, { category: e.currentTarget.value as Category })}
                  data={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
                />
                <NativeSelect
                  label={`Rule ${i + 1}: looks in`}
                  value={d.field}
                  disabled={!canWrite}
                  onChange={(e) => edit(d.key, { field: e.currentTarget.value as TicketRule['field'] })}
                  data={FIELDS}
                />
                {canWrite && (
                  <Group gap={4}>
                    <ActionIcon
                      variant="default"
                      aria-label={`Move rule ${i + 1} up`}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      aria-label={`Move rule ${i + 1} down`}
                      disabled={i === list.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      aria-label={`Remove rule ${i + 1}`}
                      onClick={() => {
                        setDrafts(list.filter((x) => x.key !== d.key));
                        preview.reset();
                      }}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
              <Textarea
                mt="xs"
                label={`Rule ${i + 1}: phrases, one a line`}
                autosize
                minRows={2}
                maxRows={8}
                value={d.phrases}
                readOnly={!canWrite}
                onChange={(e) => edit(d.key, { phrases: e.currentTarget.value })}
              />
              {counted && (
                <Text size="sm" mt={4} data-testid="rule-preview">
                  Would label {counted.labels} ticket{counted.labels === 1 ? '' : 's'}
                  {counted.labels > 0 && `, ${counted.changes} of them now in another category (or none)`}.
                </Text>
              )}
            </Paper>
          );
        })}
      </Stack>
      {shown && (
        <Text size="sm" mt="sm" data-testid="rules-preview-summary">
          Of {shown.considered} tickets rules may label, {shown.unmatched} match no rule and are left to the model;{' '}
          {shown.kept} keep the category their help desk or a person gave them.
        </Text>
      )}
      {preview.error && <ErrorState error={preview.error} />}
      {save.error && <ErrorState error={save.error} />}
      <Group mt="sm">
        {canWrite && (
          <Button
            variant="default"
            onClick={() => setDrafts([...list, { key: ++keys, category: 'how_to', field: 'subject', phrases: '' }])}
          >
            Add a rule
          </Button>
        )}
        <Button variant="light" onClick={() => preview.mutate(list.map(toRule))} loading={preview.isPending}>
          Preview
        </Button>
        {canWrite && (
          <Button onClick={() => save.mutate(list.map(toRule))} loading={save.isPending}>
            Save rules
          </Button>
        )}
        {save.isSuccess && <Text size="sm">Saved: tickets imported from now on are labelled by these rules.</Text>}
      </Group>
    </Paper>
  );
}
