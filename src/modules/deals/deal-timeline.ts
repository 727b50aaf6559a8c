/** A deal's moments on its account's timeline (pure): won, confirmed for the handoff, reopened. */
import { dayWords, instantOf, type TimelineEntry } from '../accounts/index.ts';

export interface DealTimelineFacts {
  id: string;
  name: string;
  stageCategory: string;
  closeDate: string | null;
  confirmedAt: string | null;
  reopenedAt: string | null;
}

export function dealEntries(d: DealTimelineFacts): TimelineEntry[] {
  const entry = (kind: TimelineEntry['kind'], at: string, title: string, sentence: string): TimelineEntry => ({
    id: `${d.id}:${kind}`,
    at: instantOf(at),
    kind,
    title,
    sentence,
    ref: { kind: 'deal', id: d.id },
    module: 'deals',
  });
  const out: TimelineEntry[] = [];
  if (d.stageCategory === 'won' && d.closeDate)
    out.push(entry('deal.won', d.closeDate, 'Deal won', `${d.name} closed won on ${dayWords(d.closeDate)}.`));
  if (d.confirmedAt)
    out.push(
      entry(
        'deal.confirmed',
        d.confirmedAt,
        'Deal confirmed',
        `${d.name} was confirmed won, signed and finance-checked on ${dayWords(d.confirmedAt)}: its handoff began.`,
      ),
    );
  if (d.reopenedAt)
    out.push(
      entry(
        'deal.reopened',
        d.reopenedAt,
        'Deal reopened',
        `${d.name} was reopened in the CRM on ${dayWords(d.reopenedAt)}, which pulled its brief back.`,
      ),
    );
  return out;
}
