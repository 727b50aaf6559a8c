import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Slider,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, get, query } from '../../api/client.ts';
import { can } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { formatDate } from '../../ui/format.ts';
import type { CapacityPlan, StaleDealTreatment } from '../types.ts';
import { CapacityHeatmap } from './CapacityHeatmap.tsx';

/**
 * Capacity: each role's hours against the demand of running projects and of the weighted pipeline, week by
 * week, with a buffer kept free; and the projects waiting for a kickoff.
 */
export function CapacityPage({ session }: { session: Session; subPath: string }) {
  // Untouched, the workspace's own buffer and horizon apply (the server's defaults); a change asks for its own.
  const [chosenBuffer, setBufferPct] = useState<number | null>(null);
  const [chosenWeeks, setWeeks] = useState<string | null>(null);
  const [chosenStale, setStale] = useState<StaleDealTreatment | null>(null);
  const [buffer] = useDebouncedValue(chosenBuffer, 300);
  const queryClient = useQueryClient();
  const plan = useQuery({
    queryKey: ['capacity', chosenWeeks, buffer, chosenStale],
    queryFn: () =>
      get<CapacityPlan>(
        `/api/v1/delivery/capacity${query({ weeks: chosenWeeks ?? undefined, bufferPct: buffer === null ? undefined : buffer / 100, staleDeals: chosenStale ?? undefined })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const bufferPct = chosenBuffer ?? Math.round((plan.data?.bufferPct ?? 0.15) * 100);
  const weeks = chosenWeeks ?? String(plan.data?.weeks.length ?? 12);
  const stale = chosenStale ?? plan.data?.stale.treatment ?? 'exclude';
  const keep = useMutation({
    mutationFn: () =>
      api('PUT', '/api/v1/delivery/capacity-settings', {
        bufferPct: bufferPct / 100,
        weeks: Number(weeks),
        staleDeals: stale,
        staleAfterDays: plan.data?.stale.afterDays ?? 0,
      }),
    onSuccess: async () => {
      setBufferPct(null);
      setWeeks(null);
      setStale(null);
      await queryClient.invalidateQueries({ queryKey: ['capacity'] });
      notifications.show({
        color: 'green',
        message: `The workspace now plans ${weeks} weeks ahead with ${bufferPct} % kept free`,
      });
    },
    onError: (e) => notifications.show({ color: 'red', message: (e as Error).message }),
  });
  return (
    <Stack data-testid="capacity-page">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="xl">
          <div style={{ width: 260 }}>
            <Text size="sm" fw={500} id="buffer-label">
              Buffer kept free: {bufferPct} %
            </Text>
            <Slider
              min={0}
              max={50}
              step={5}
              value={bufferPct}
              onChange={setBufferPct}
              marks={[{ value: 0 }, { value: 15 }, { value: 30 }, { value: 50 }]}
              label={(v) => `${v} %`}
              thumbProps={{ 'aria-labelledby': 'buffer-label' }}
              data-testid="buffer-control"
            />
          </div>
          <div>
            <Text size="sm" fw={500}>
              Weeks
            </Text>
            <SegmentedControl size="xs" value={weeks} onChange={setWeeks} data={['8', '12', '26']} />
          </div>
          <Switch
            size="sm"
            label="Count deals past their close date, from today"
            checked={stale === 'count_from_today'}
            onChange={(e) => setStale(e.currentTarget.checked ? 'count_from_today' : 'exclude')}
            data-testid="capacity-count-stale"
          />
          {(chosenBuffer !== null || chosenWeeks !== null || chosenStale !== null) &&
            can(session, 'resources:write') && (
              <Button
                size="xs"
                variant="light"
                loading={keep.isPending}
                onClick={() => keep.mutate()}
                data-testid="capacity-keep-default"
              >
                Keep as the workspace’s default
              </Button>
            )}
        </Group>
        {plan.isFetching && <Loader size="sm" />}
      </Group>
      {plan.isError && <ErrorState error={plan.error} />}
      {plan.isPending && <Loader />}
      {plan.data && (
        <>
          <CapacityHeatmap plan={plan.data} />
          <QueueTable plan={plan.data} />
          <PipelineTable plan={plan.data} />
          <StaleTable plan={plan.data} />
        </>
      )}
    </Stack>
  );
}

function QueueTable({ plan }: { plan: CapacityPlan }) {
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        Waiting for kickoff ({plan.queue.length})
      </Title>
      {plan.queue.length === 0 ? (
        <Alert color="gray" variant="light">
          No accepted project is waiting for its kickoff.
        </Alert>
      ) : (
        <Table verticalSpacing="xs" data-testid="queue-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Project</Table.Th>
              <Table.Th>Account</Table.Th>
              <Table.Th>Signed</Table.Th>
              <Table.Th>Accepted</Table.Th>
              <Table.Th>Planned kickoff</Table.Th>
              <Table.Th>Promised go-live</Table.Th>
              <Table.Th>Waiting</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...plan.queue]
              .sort((a, b) => b.waitDays - a.waitDays)
              .map((q) => (
                <Table.Tr key={q.projectId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/delivery/projects/${q.projectId}`} size="sm">
                      {q.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{q.accountName ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(q.signedOn)}</Table.Td>
                  <Table.Td>{formatDate(q.acceptedOn)}</Table.Td>
                  <Table.Td>{formatDate(q.plannedKickoffOn)}</Table.Td>
                  <Table.Td>{formatDate(q.promisedGoLive)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} c={q.waitDays > 21 ? 'red' : q.waitDays > 10 ? 'orange' : undefined}>
                      {q.waitDays} days
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

const CHANCE_NOTE = { deal: ' (CRM)', stage: '', default: ' (assumed)' } as const;

/** The open deals whose work the plan counts, each weighted by its chance of closing (the CRM's own, else its stage's). */
function PipelineTable({ plan }: { plan: CapacityPlan }) {
  const countingStale = plan.stale.treatment === 'count_from_today';
  const lines = plan.pipeline.filter((d) => !d.stale || countingStale);
  if (lines.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        Pipeline counted in the demand ({lines.length})
      </Title>
      <Table verticalSpacing="xs" data-testid="pipeline-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Deal</Table.Th>
            <Table.Th>Playbook</Table.Th>
            <Table.Th>Chance</Table.Th>
            <Table.Th>Expected start</Table.Th>
            <Table.Th>Weighted hours</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((d) => (
            <Table.Tr key={d.dealId}>
              <Table.Td>
                {d.name}
                {d.stale && (
                  <Badge ml="xs" size="xs" color="orange" variant="light">
                    stale
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{d.playbook ?? '—'}</Table.Td>
              <Table.Td>
                {Math.round(d.probability * 100)} %{CHANCE_NOTE[d.probabilitySource]}
              </Table.Td>
              <Table.Td>{formatDate(d.expectedStart)}</Table.Td>
              <Table.Td>{Math.round(d.weightedHours).toLocaleString()}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Open deals past their close date: left out of the demand unless the workspace counts them (then marked in the pipeline above). */
function StaleTable({ plan }: { plan: CapacityPlan }) {
  const stale = plan.stale.treatment === 'exclude' ? plan.pipeline.filter((d) => d.stale) : [];
  if (stale.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="stale-deals">
      <Title order={5} mb="xs">
        Stale deals left out ({stale.length})
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Still open in the CRM, but their close date passed
        {plan.stale.afterDays > 0 ? ` more than ${plan.stale.afterDays} days ago` : ''}. Update them in the CRM, or
        count them from today with the switch above.
      </Text>
      <Table verticalSpacing="xs" data-testid="stale-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Deal</Table.Th>
            <Table.Th>Close date</Table.Th>
            <Table.Th>Chance</Table.Th>
            <Table.Th>Playbook</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stale.map((d) => (
            <Table.Tr key={d.dealId}>
              <Table.Td>{d.name}</Table.Td>
              <Table.Td>{formatDate(d.closeDate)}</Table.Td>
              <Table.Td>
                {Math.round(d.probability * 100)} %{CHANCE_NOTE[d.probabilitySource]}
              </Table.Td>
              <Table.Td>{d.playbook ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
