import {
  Alert,
  Button,
  Group,
  Loader,
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
import type { Scorecard, Scorecards } from '../../../src/modules/health/score/scorecard.ts';
import { ApiError, api, get } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';

type Segment = keyof Scorecards['segments'];
type Dimension = keyof Scorecard['dimensions'];
type Measure = keyof Scorecard['measures'];

interface ScorecardsAnswer {
  version: number;
  segments: Scorecards['segments'];
  defaults: Scorecards['segments'];
  bands: { green: number; yellow: number };
  measures: Array<{ measure: Measure; dimension: Dimension; label: string; higherIsBetter: boolean; unit: string }>;
  fallbackSegment: string;
}

const SEGMENTS: Array<{ value: Segment; label: string }> = [
  { value: 'smb', label: 'Small business' },
  { value: 'mid_market', label: 'Mid-market' },
  { value: 'enterprise', label: 'Enterprise' },
];
const DIMENSION_LABELS: Record<Dimension, string> = {
  delivery: 'Delivery',
  adoption: 'Adoption',
  support: 'Support',
  sentiment: 'Sentiment',
  relationship: 'Relationship',
  commercial: 'Commercial',
};

/** Settings › Scorecards: each segment's dimension weights and measure thresholds, the defaults beside them. */
export function ScorecardsTab() {
  const qc = useQueryClient();
  const cards = useQuery({
    queryKey: ['health', 'scorecards'],
    queryFn: () => get<ScorecardsAnswer>('/api/v1/health/scorecards'),
  });
  const [segment, setSegment] = useState<Segment>('mid_market');
  const [draft, setDraft] = useState<Scorecards['segments'] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (cards.data && !draft) setDraft(structuredClone(cards.data.segments));
  }, [cards.data, draft]);
  const save = useMutation({
    mutationFn: () => api<ScorecardsAnswer>('PUT', '/api/v1/health/scorecards', { segments: draft }),
    onSuccess: (saved) => {
      setErrors({});
      qc.setQueryData(['health', 'scorecards'], saved);
      qc.invalidateQueries({ queryKey: ['health'] });
      notifications.show({
        color: 'teal',
        message: `Scorecards saved as version ${saved.version}; every account is being rescored.`,
      });
    },
    onError: (err) => {
      const out: Record<string, string> = {};
      if (err instanceof ApiError) for (const e of err.problem.errors ?? []) out[e.field] = e.message;
      setErrors(out);
      notifications.show({ color: 'red', message: err.message });
    },
  });
  if (cards.isError) return <ErrorState error={cards.error} />;
  if (!cards.data || !draft) return <Loader aria-label="Loading the scorecards" />;
  const d = cards.data;
  const card = draft[segment];
  const defaults = d.defaults[segment];
  const path = (...p: string[]) => ['body', 'segments', segment, ...p].join('.');
  const edit = (fn: (c: Scorecard) => void) => {
    const next = structuredClone(draft);
    fn(next[segment]);
    setDraft(next);
  };
  const num = (v: string | number) => (typeof v === 'number' ? v : Number(v));
  const dimensionError = errors[path('dimensions')];
  return (
    <Stack data-testid="scorecards">
      <Text>
        A health score is the weighted mean of the dimensions with data; each dimension is the weighted mean of its
        measures with data. A measure is worth 0 points at its bad value and 100 at its good value, linearly between.
        Green from {d.bands.green}, yellow from {d.bands.yellow}, red below. Accounts without a segment use the
        mid-market scorecard. Saved version: {d.version === 0 ? 'none yet (the defaults apply)' : d.version}.
      </Text>
      <SegmentedControl
        data={SEGMENTS}
        value={segment}
        onChange={(v) => setSegment(v as Segment)}
        aria-label="Segment"
      />
      {dimensionError && <Alert color="red">Dimensions: {dimensionError}</Alert>}
      <Paper withBorder p="sm">
        <Title order={4}>Dimension weights</Title>
        <Group>
          {(Object.keys(DIMENSION_LABELS) as Dimension[]).map((dim) => (
            <NumberInput
              key={dim}
              label={DIMENSION_LABELS[dim]}
              description={`Default ${defaults.dimensions[dim].weight}`}
              min={0}
              w={150}
              value={card.dimensions[dim].weight}
              error={errors[path('dimensions', dim, 'weight')]}
              onChange={(v) => edit((c) => (c.dimensions[dim].weight = num(v)))}
            />
          ))}
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        <Title order={4}>Measures</Title>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Measure</Table.Th>
              <Table.Th scope="col">Weight</Table.Th>
              <Table.Th scope="col">Bad (0 points)</Table.Th>
              <Table.Th scope="col">Good (100 points)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.measures.map((m) => {
              const value = card.measures[m.measure];
              const def = defaults.measures[m.measure];
              const field = (key: 'weight' | 'bad' | 'good', label: string) => (
                <NumberInput
                  aria-label={`${m.label}: ${label}`}
                  description={`Default ${def[key]}`}
                  value={value[key]}
                  min={key === 'weight' ? 0 : undefined}
                  error={errors[path('measures', m.measure, key)]}
                  onChange={(v) => edit((c) => (c.measures[m.measure][key] = num(v)))}
                  w={130}
                />
              );
              return (
                <Table.Tr key={m.measure}>
                  <Table.Th scope="row">
                    <Text size="sm" fw={600}>
                      {DIMENSION_LABELS[m.dimension]}: {m.label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {m.unit}, {m.higherIsBetter ? 'higher is better' : 'lower is better'}
                    </Text>
                  </Table.Th>
                  <Table.Td>{field('weight', 'weight')}</Table.Td>
                  <Table.Td>{field('bad', 'bad value')}</Table.Td>
                  <Table.Td>{field('good', 'good value')}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          Save scorecards
        </Button>
        <Button variant="default" onClick={() => edit((c) => Object.assign(c, structuredClone(defaults)))}>
          Use the defaults for this segment
        </Button>
      </Group>
    </Stack>
  );
}
