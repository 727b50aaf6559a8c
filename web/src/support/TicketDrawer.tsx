import { Badge, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDateTime } from '../ui/format.ts';
import { historySentences } from './history-text.ts';
import { TicketKnowledge } from './TicketKnowledge.tsx';
import { CATEGORY_LABELS, SOURCE_LABELS, type TicketDetail } from './types.ts';

/**
 * One ticket: what it asked, its category and who gave it, its status history in sentences, and what the knowledge
 * base offers for it (suggested articles, a draft once it is solved).
 */
export function TicketDrawer(props: {
  id: string | null;
  onClose: () => void;
  canSuggest: boolean;
  canDraft: boolean;
}) {
  const { id, onClose, canSuggest, canDraft } = props;
  const ticket = useQuery({
    queryKey: ['support', 'ticket', id],
    queryFn: () => get<TicketDetail>(`/api/v1/support/tickets/${id}`),
    enabled: id !== null,
  });
  const t = ticket.data;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t ? `Ticket ${t.externalId}` : 'Ticket'}
      closeButtonProps={{ 'aria-label': 'Close the ticket' }}
    >
      {ticket.isLoading && <Loader aria-label="Loading the ticket" />}
      {ticket.error && <ErrorState error={ticket.error} />}
      {t && (
        <Stack data-testid="ticket-detail">
          <Title order={3} size="h4">
            {t.subject ?? 'No subject'}
          </Title>
          <Group gap="xs">
            <Badge variant="outline">{t.category ? CATEGORY_LABELS[t.category] : 'Unlabelled'}</Badge>
            {t.categorySource && <Text size="sm">labelled by {SOURCE_LABELS[t.categorySource]}</Text>}
            {t.priority && <Badge variant="outline">{t.priority}</Badge>}
            {t.tags.map((tag) => (
              <Badge key={tag} variant="default">
                {tag}
              </Badge>
            ))}
          </Group>
          {t.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{t.description}</Text>}
          <Text size="sm">
            Opened {formatDateTime(t.createdAt)}; first response{' '}
            {t.firstResponseAt ? formatDateTime(t.firstResponseAt) : 'not yet'}; solved{' '}
            {t.solvedAt ? formatDateTime(t.solvedAt) : 'not yet'}
            {t.satisfaction ? `; rated ${t.satisfaction}` : ''}
            {t.reopens ? `; reopened ${t.reopens} time${t.reopens === 1 ? '' : 's'}` : ''}.
          </Text>
          <Title order={4} size="h5">
            History
          </Title>
          {t.history.length === 0 ? (
            <Text size="sm" data-testid="ticket-history">
              No status changes were kept for this ticket: its help desk sent only its current state. An event log
              import or the Zendesk webhook records each change.
            </Text>
          ) : (
            <Stack component="ol" gap={4} m={0} pl="md" data-testid="ticket-history">
              {historySentences(t.history).map((s, i) => (
                <Text component="li" size="sm" key={i}>
                  {s}
                </Text>
              ))}
            </Stack>
          )}
          <TicketKnowledge
            key={t.id}
            ticketId={t.id}
            resolved={t.solvedAt !== null}
            canSuggest={canSuggest}
            canDraft={canDraft}
          />
        </Stack>
      )}
    </Drawer>
  );
}
