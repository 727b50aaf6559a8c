import { Anchor, Button, Group, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, get } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import type { GapsAnswer, KnowledgeGap } from './types.ts';

/** The periods offered: the API reads tickets of the last 7 to 365 days. */
const PERIODS = [30, 90, 180, 365] as const;
const DEFAULT_DAYS = 90;

interface GapProps {
  gap: KnowledgeGap;
  rank: number;
  canDraft: boolean;
  /** Opens a drafted article in the editor on this page; without it, the draft links to the Knowledge page. */
  onOpenArticle?: (id: string) => void;
}

function Gap({ gap, rank, canDraft, onOpenArticle }: GapProps) {
  const client = useQueryClient();
  const draft = useMutation({
    mutationFn: (ticketId: string) =>
      api<{ id: string; title: string }>('POST', `/api/v1/knowledge/articles/from-ticket/${ticketId}`),
    onSuccess: (article) => {
      void client.invalidateQueries({ queryKey: ['knowledge'] });
      onOpenArticle?.(article.id);
    },
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
          <Text size="sm" data-testid="gap-drafted">
            Drafted:{' '}
            {onOpenArticle ? (
              <Anchor component="button" type="button" size="sm" onClick={() => onOpenArticle(draft.data.id)}>
                {draft.data.title}
              </Anchor>
            ) : (
              <Anchor component={Link} to={`/knowledge/articles/${draft.data.id}`}>
                {draft.data.title}
              </Anchor>
            )}
            {onOpenArticle
              ? ', open in the editor above to finish and publish.'
              : ', to edit and publish on the Knowledge page.'}
          </Text>
        )}
        {draft.error && <ErrorState error={draft.error} />}
      </Group>
    </Paper>
  );
}

/**
 * Repetitive questions that no published article answers yet, largest first, each with a draft action; shown on
 * the Support page and on the Knowledge page, over a period the reader chooses.
 */
export function GapsCard({ canDraft, onOpenArticle }: Omit<GapProps, 'gap' | 'rank'>) {
  const [days, setDays] = useState<number>(DEFAULT_DAYS);
  const gaps = useQuery({
    queryKey: ['knowledge', 'gaps', days],
    queryFn: () => get<GapsAnswer>(`/api/v1/knowledge/gaps?days=${days}`),
  });
  const g = gaps.data;
  return (
    <Paper withBorder p="md" data-testid="gaps-card">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Title order={3} size="h4">
          Repetitive questions without an article
        </Title>
        <NativeSelect
          label="Tickets of the last"
          size="xs"
          value={String(days)}
          onChange={(e) => setDays(Number(e.currentTarget.value))}
          data={PERIODS.map((d) => ({ value: String(d), label: `${d} days` }))}
        />
      </Group>
      <Text size="sm" c="dimmed" my="xs">
        How-to and configuration tickets of the last {days} days grouped by the words they share; a group counts as
        answered when a published article holds most of its key words. Writing these articles is where the knowledge
        base would save the most tickets.
      </Text>
      {gaps.isLoading && <Loader aria-label="Loading the repetitive questions" />}
      {gaps.error && <ErrorState error={gaps.error} />}
      {g && <Text data-testid="gaps-sentence">{g.sentence}</Text>}
      {g && g.gaps.length > 0 && (
        <Stack component="ol" gap="xs" mt="sm" p={0} style={{ listStyle: 'none' }}>
          {g.gaps.map((gap, i) => (
            <Gap key={gap.representative.id} gap={gap} rank={i + 1} canDraft={canDraft} onOpenArticle={onOpenArticle} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
