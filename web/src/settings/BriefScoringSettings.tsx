import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  BRIEF_FIELD_LABELS,
  BRIEF_FIELDS,
  type CompletenessConfig,
  type CompletenessRule,
} from '../../../src/modules/handoffs/handoff.ts';
import { api, get } from '../api/client.ts';
import { SEGMENTS } from '../ui/labels.ts';

type RuleKey = 'default' | 'enterprise' | 'mid_market' | 'smb';

/** How handoff briefs are scored: the weight of each field and which are required, per segment. */
export function BriefScoringSettings() {
  const qc = useQueryClient();
  const config = useQuery({
    queryKey: ['handoff-completeness'],
    queryFn: () => get<CompletenessConfig>('/api/v1/settings/handoff-completeness'),
  });
  const [draft, setDraft] = useState<CompletenessConfig | null>(null);
  const [segment, setSegment] = useState<RuleKey>('default');
  useEffect(() => setDraft(config.data ?? null), [config.data]);
  const save = useMutation({
    mutationFn: (c: CompletenessConfig) => api<CompletenessConfig>('PUT', '/api/v1/settings/handoff-completeness', c),
    onSuccess: (c) => {
      qc.setQueryData(['handoff-completeness'], c);
      notifications.show({ color: 'teal', message: 'Brief scoring saved' });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  if (!draft) return null;
  const rule: CompletenessRule = segment === 'default' ? draft.default : (draft.segments[segment] ?? draft.default);
  const setRule = (r: CompletenessRule) =>
    setDraft(
      segment === 'default' ? { ...draft, default: r } : { ...draft, segments: { ...draft.segments, [segment]: r } },
    );
  const total = BRIEF_FIELDS.reduce((n, f) => n + (rule.weights[f] ?? 0), 0);
  return (
    <Paper withBorder p="md" data-testid="brief-scoring">
      <Stack gap="sm">
        <Title order={4}>Handoff brief scoring</Title>
        <Text size="sm" c="dimmed">
          A brief’s completeness is the weighted share of its fields filled (a partly filled field counts half).
          Required fields must say something before the brief can be submitted. A segment without a rule of its own uses
          the default.
        </Text>
        <NumberInput
          label="Signal threshold (%)"
          description="A brief submitted below this raises a handoff signal"
          min={0}
          max={100}
          w={260}
          value={draft.threshold}
          onChange={(v) => setDraft({ ...draft, threshold: Number(v) || 0 })}
        />
        <SegmentedControl
          w="fit-content"
          value={segment}
          onChange={(v) => setSegment(v as RuleKey)}
          data={[
            { value: 'default', label: 'Default' },
            ...Object.entries(SEGMENTS).map(([value, label]) => ({
              value,
              label: `${label}${draft.segments[value as 'smb'] ? '' : ' (default)'}`,
            })),
          ]}
        />
        <Table verticalSpacing={4} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th w={120}>Weight</Table.Th>
              <Table.Th w={100}>Share</Table.Th>
              <Table.Th w={100}>Required</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {BRIEF_FIELDS.map((f) => (
              <Table.Tr key={f}>
                <Table.Td>{BRIEF_FIELD_LABELS[f]}</Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={0}
                    max={100}
                    aria-label={`Weight of ${BRIEF_FIELD_LABELS[f]}`}
                    value={rule.weights[f] ?? 0}
                    onChange={(v) => setRule({ ...rule, weights: { ...rule.weights, [f]: Number(v) || 0 } })}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {total ? Math.round(((rule.weights[f] ?? 0) / total) * 100) : 0} %
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${BRIEF_FIELD_LABELS[f]} required`}
                    checked={rule.required.includes(f)}
                    onChange={(e) =>
                      setRule({
                        ...rule,
                        required: e.currentTarget.checked
                          ? [...rule.required, f]
                          : rule.required.filter((x) => x !== f),
                      })
                    }
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          Partner swim lanes count only on deals with a partner.
        </Text>
        <Group>
          <Button onClick={() => save.mutate(draft)} loading={save.isPending} disabled={draft === config.data}>
            Save scoring
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
