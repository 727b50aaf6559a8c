/** Support tickets on their account's timeline (pure): each one opened, with its category and priority. */
import { instantOf, type TimelineEntry } from '../accounts/index.ts';

export interface TicketFacts {
  id: string;
  subject: string | null;
  category: string | null;
  priority: string | null;
  createdAt: string;
  requester: string | null;
}

export function ticketEntry(t: TicketFacts): TimelineEntry {
  const what = [t.priority ? `${t.priority} priority` : '', t.category ? t.category.replaceAll('_', '-') : '']
    .filter(Boolean)
    .join(' ');
  return {
    id: `${t.id}:opened`,
    at: instantOf(t.createdAt),
    kind: 'ticket.opened',
    title: 'Ticket opened',
    sentence:
      `${t.requester ?? 'The customer'} opened a ${what ? `${what} ` : ''}ticket` +
      (t.subject ? `: “${t.subject}”.` : '.'),
    ref: { kind: 'ticket', id: t.id },
    module: 'support',
  };
}
