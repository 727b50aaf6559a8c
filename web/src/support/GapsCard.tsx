import { Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, get } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import type { GapsAnswer, KnowledgeGap } from './types.ts';

function Gap({ gap, rank, canDraft }: { gap: KnowledgeGap; rank: number; canDraft: boolean }) {
  const client = useQueryClient();
  const draft = useMutation({
    mutationFn: (ticketId: string) =>
      api<{ id: string; title: string }>('POST', `/api/v1/knowledge/articles/from-ticket/${ticketId}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['knowledge'] }),
  });
  const subject = gap.representative.subject ?? gap.representative.externalId;
  return (
    <Paper withBorder p="sm" component="li" data-testid="gap">
      <Text fw={600}>
        {rank}. “{subject}” — {gap.tickets} tickets
      </Text>
      <Text size="sm">{gap.sentence}</Text>
      <Text size="sm" c="dimmed">
        Also asked as: {gap.samples.map((s) => `${s.externalId} “${s.subject ?? ''}”`).join('; ') || 'none other'}.
      </Text>
      <Group mt={4} gap="sm">
        {canDraft && gap.draftFrom && !draft.data && (
          <Button
            size="xs"
            variant="light"
            loading={draft.isPending}
            onClick={() => draft.mutate(gap.draftFrom!)}
            aria-label={`Draft an article for “${subject}”`}
          >
            Draft an article
          </Button>
        )}
        {canDraft && !gap.draftFrom && (
          <Text size="sm" c="dimmed">
            None of these tickets is resolved yet: draft an article once one is.
          </Text>
        )}
        {draft.data && (
          <Text size="sm">
            Drafted:{' '}
            <Anchor component={Link} to={`/knowledge/articles/${draft.data.id}`}>
              {draft.data.title}
            </Anchor>
            , to edit and publish on the Knowledge page.
          </Text>
        )}
        {draft.error && <ErrorState error={draft.error} />}
      </Group>
    </Paper>
  );
}

/** Repetitive questions that no published article answers yet, largest first, each with a draft action. */
export function GapsCard({ canDraft }: { canDraft: boolean }) {
  const gaps = useQuery({ queryKey: ['knowledge', 'gaps'], queryFn: () => get<GapsAnswer>('/api/v1/knowledge/gaps') });
  const g = gaps.data;
  return (
    <Paper withBorder p="md" data-testid="gaps-card">
      <Title order={3} size="h4">
        Repetitive questions without an article
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        How-to and configuration tickets of the last 90 days grouped by the words they share; a group counts as answered
        when a published article holds most of its key words. Writing these articles is where the knowledge base would
        save the most tickets.
      </Text>
      {gaps.isLoading && <Loader aria-label="Loading the repetitive questions" />}
      {gaps.error && <ErrorState error={gaps.error} />}
      {g && <Text data-testid="gaps-sentence">{g.sentence}</Text>}
      {g && g.gaps.length > 0 && (
        <Stack component="ol" gap="xs" mt="sm" p={0} style={{ listStyle: 'none' }}>
          {g.gaps.map((gap, i) => (
            <Gap key={gap.representative.id} gap={gap} rank={i + 1} canDraft={canDraft} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
