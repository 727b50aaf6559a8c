import { Anchor, Button, Group, Mark, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { type SearchHit, snippetParts } from '../knowledge/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';

interface Suggestion {
  id: string;
  query: string;
  articles: SearchHit[];
}

const NONE = 'none';

/**
 * What the knowledge base offers for one ticket: the published articles that best answer it (each suggestion kept,
 * with whether it helped, so the deflection rate is measured) and, once the ticket is resolved, a draft article
 * written from it.
 */
export function TicketKnowledge(props: {
  ticketId: string;
  resolved: boolean;
  canSuggest: boolean;
  canDraft: boolean;
}) {
  const { ticketId, resolved, canSuggest, canDraft } = props;
  const client = useQueryClient();
  const [helped, setHelped] = useState<string | null>(null);
  const suggest = useMutation({
    mutationFn: () => api<Suggestion>('POST', `/api/v1/knowledge/tickets/${ticketId}/deflections?limit=3`),
  });
  const answer = useMutation({
    mutationFn: (choice: string) =>
      api<null>('POST', `/api/v1/knowledge/deflections/${suggest.data?.id}/answer`, {
        helped: choice !== NONE,
        articleId: choice === NONE ? null : choice,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['knowledge', 'deflections'] }),
  });
  const draft = useMutation({
    mutationFn: () => api<{ id: string; title: string }>('POST', `/api/v1/knowledge/articles/from-ticket/${ticketId}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['knowledge'] }),
  });
  if (!canSuggest && !canDraft) return null;
  const s = suggest.data;
  const chosen = s?.articles.find((a) => a.id === helped);
  return (
    <Paper withBorder p="sm" data-testid="ticket-knowledge">
      <Title order={4} size="h5" mb="xs">
        Knowledge for this ticket
      </Title>
      {canSuggest && !s && (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            Baton searches the published articles for the ticket’s subject and description. Each suggestion is kept, and
            what you answer about it counts in the deflection rate.
          </Text>
          <Button size="xs" variant="light" onClick={() => suggest.mutate()} loading={suggest.isPending}>
            Suggest articles
          </Button>
        </Stack>
      )}
      {suggest.error && <ErrorState error={suggest.error} />}
      {s && s.articles.length === 0 && (
        <Text size="sm" data-testid="ticket-suggestions">
          No published article answers this ticket yet.
          {resolved && canDraft ? ' Draft one from it below.' : ''}
        </Text>
      )}
      {s && s.articles.length > 0 && (
        <Stack gap="xs" data-testid="ticket-suggestions">
          <Stack component="ol" gap={6} m={0} pl="md">
            {s.articles.map((a) => (
              <li key={a.id}>
                <Anchor component={Link} to={`/knowledge/articles/${a.id}`} size="sm" fw={600}>
                  {a.title}
                </Anchor>
                <Text size="sm">
                  {snippetParts(a.snippet).map((p, j) => (p.mark ? <Mark key={j}>{p.text}</Mark> : p.text))}
                </Text>
              </li>
            ))}
          </Stack>
          {answer.isSuccess ? (
            <Text size="sm" data-testid="ticket-suggestion-answer">
              {chosen
                ? `Recorded: “${chosen.title}” answered the customer.`
                : 'Recorded: none of these answered the customer.'}
            </Text>
          ) : (
            <Radio.Group label="Did one of them answer the customer?" value={helped} onChange={setHelped} size="sm">
              <Stack gap={4} mt={4}>
                {s.articles.map((a) => (
                  <Radio key={a.id} value={a.id} label={a.title} />
                ))}
                <Radio value={NONE} label="None of them" />
              </Stack>
            </Radio.Group>
          )}
          {!answer.isSuccess && (
            <Group>
              <Button
                size="xs"
                disabled={helped === null}
                loading={answer.isPending}
                onClick={() => helped && answer.mutate(helped)}
              >
                Record the answer
              </Button>
            </Group>
          )}
          {answer.error && <ErrorState error={answer.error} />}
        </Stack>
      )}
      {canDraft && resolved && (
        <Stack gap="xs" mt="sm" align="flex-start">
          {draft.data ? (
            <Text size="sm" data-testid="ticket-drafted">
              Drafted{' '}
              <Anchor component={Link} to={`/knowledge/articles/${draft.data.id}`}>
                {draft.data.title}
              </Anchor>
              : edit and publish it on the Knowledge page.
            </Text>
          ) : (
            <Button size="xs" variant="default" onClick={() => draft.mutate()} loading={draft.isPending}>
              Draft an article from this ticket
            </Button>
          )}
          {draft.error && <ErrorState error={draft.error} />}
        </Stack>
      )}
    </Paper>
  );
}
