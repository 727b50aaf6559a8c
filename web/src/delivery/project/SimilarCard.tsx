import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { SimilarAnswer } from '../../../../src/modules/knowledge/similar/similar.views.ts';
import { get } from '../../api/client.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';

/** The past projects most like this one, what they share with it, how long they took and what they learned. */
export function SimilarCard({ projectId }: { projectId: string }) {
  const similar = useQuery({
    queryKey: ['similar', projectId],
    queryFn: () => get<SimilarAnswer>(`/api/v1/projects/${projectId}/similar?limit=3`),
  });
  if (similar.isError) return <ErrorState error={similar.error} />;
  const d = similar.data;
  return (
    <Paper withBorder p="md" data-testid="similar">
      <Title order={2} size="h5" mb={4}>
        Similar implementations
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Past projects, live or closed, scored from 0 to 100% by how much they share with this one: the playbook counts
        most, then products, integrations and the customer’s segment.
      </Text>
      {!d && <Text size="sm">Loading…</Text>}
      {d && d.items.length === 0 && (
        <Text size="sm">
          None of the {d.considered} past project{d.considered === 1 ? '' : 's'} shares anything with this one yet.
        </Text>
      )}
      <Stack gap="sm">
        {d?.items.map((s) => (
          <div key={s.id} data-testid="similar-project">
            <Group gap="xs">
              <Anchor component={Link} to={s.url} fw={600}>
                {s.name}
              </Anchor>
              <Badge variant="light">{Math.round(s.score * 100)}% alike</Badge>
            </Group>
            <Text size="sm">{s.sentence}</Text>
            <Text size="sm">{s.duration.sentence}</Text>
            {s.lessons.slice(0, 3).map((l) => (
              <Text key={l.id} size="sm" c="dimmed">
                {l.kind === 'decision' ? 'Decision' : 'Lesson'}: {l.text}
              </Text>
            ))}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
