import { Anchor, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { get } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { type PlaySummary, rateWords } from './plays.types.ts';

/** The plays: what starts each, how often it ran and how often it worked. */
export function PlaysPage(_: { session: Session }) {
  const plays = useQuery({
    queryKey: ['plays'],
    queryFn: () => get<{ items: PlaySummary[] }>('/api/v1/plays'),
  });
  if (plays.isPending) return <Loader aria-label="Loading the plays" />;
  if (plays.isError) return <ErrorState error={plays.error} />;
  const items = plays.data.items;
  const open = items.reduce((n, p) => n + p.openRuns, 0);
  return (
    <Stack>
      <Title order={2}>Plays</Title>
      <Text data-testid="plays-summary">
        {`${items.length} ${items.length === 1 ? 'play' : 'plays'}, ${open} ${open === 1 ? 'run' : 'runs'} open. `}A
        play turns a signal or a step of the journey into tasks for the account’s owners. A run is judged when its tasks
        are done, its signal goes, or 30 days after it started: it worked when its signal went, else when the health
        score rose within 30 days, else when every task was done.
      </Text>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Play</Table.Th>
            <Table.Th>Starts</Table.Th>
            <Table.Th>Runs</Table.Th>
            <Table.Th>Success</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={RouterLink} to={`/my-work/plays/${p.id}`} fw={600}>
                  {p.name}
                </Anchor>{' '}
                {!p.enabled && (
                  <Badge color="gray" variant="light">
                    disabled
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{p.triggerWords}</Table.Td>
              <Table.Td>{`${p.runs} (${p.openRuns} open)`}</Table.Td>
              <Table.Td>{rateWords(p)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
