import { Badge, Button, Code, Group, Paper, SegmentedControl, Spoiler, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get, query } from '../api/client.ts';
import type { Job } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDateTime } from '../ui/format.ts';

const STATUS_COLORS: Record<string, string> = { queued: 'blue', running: 'violet', succeeded: 'teal', dead: 'red' };

export function JobsTab() {
  const qc = useQueryClient();
  const [status, setStatus] = useState('dead');
  const jobs = useQuery({
    queryKey: ['jobs', status],
    queryFn: () =>
      get<{ items: Job[] }>(`/api/v1/jobs${query({ status: status === 'all' ? undefined : status, limit: 200 })}`).then(
        (r) => r.items,
      ),
  });
  const retry = useMutation({
    mutationFn: (id: string) => api<Job>('POST', `/api/v1/jobs/${id}/retry`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['jobs'] }),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={[
            { value: 'dead', label: 'Dead letters' },
            { value: 'queued', label: 'Queued' },
            { value: 'running', label: 'Running' },
            { value: 'succeeded', label: 'Succeeded' },
            { value: 'all', label: 'All' },
          ]}
        />
        <Text size="sm" c="dimmed">
          Jobs that failed every attempt land in the dead letters; retry one once its cause is fixed.
        </Text>
      </Group>
      {jobs.isError && <ErrorState error={jobs.error} />}
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="jobs-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Job</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Runs at</Table.Th>
              <Table.Th>Last error</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(jobs.data ?? []).map((j) => (
              <Table.Tr key={j.id}>
                <Table.Td>
                  <Text size="sm">{j.type}</Text>
                  <Text size="xs" c="dimmed">
                    {j.workspaceId ? 'this workspace' : 'platform'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[j.status]} variant="light">
                    {j.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {j.attempts} / {j.maxAttempts}
                </Table.Td>
                <Table.Td>{formatDateTime(j.finishedAt ?? j.runAt)}</Table.Td>
                <Table.Td maw={380}>
                  {j.lastError ? (
                    <Spoiler maxHeight={22} showLabel="more" hideLabel="less">
                      <Code block>{j.lastError}</Code>
                    </Spoiler>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  {j.status === 'dead' && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => retry.mutate(j.id)}
                      loading={retry.isPending && retry.variables === j.id}
                    >
                      Retry
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {jobs.data?.length === 0 && (
          <Text p="md" c="dimmed">
            {status === 'dead' ? 'No dead letters: every job succeeded or is still trying.' : 'No jobs.'}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
