/**
 * The status changes of the demo's tickets (pure), as a help desk's event log would give them: a ticket arrives new,
 * is open from the desk's first answer, waits on the customer (pending) now and then, is solved, and some come back
 * (reopened) and are solved again. Every change falls between the ticket's own times and before the demo's today.
 */
import type { TicketRecord } from '../modules/support/index.ts';
import type { Random } from './random.ts';

const HOUR_MS = 3_600_000;

export interface StatusChange {
  status: 'new' | 'open' | 'pending' | 'solved';
  at: string;
}

export interface TicketWithHistory {
  /** The ticket as its history leaves it: its status the last one, solved the first time, its reopens counted. */
  record: TicketRecord;
  history: StatusChange[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A ticket's history from its created, first response and solved times. A ticket the source counts as reopened
 * comes back a few hours to three days after it was solved, and is solved again unless that would be after today.
 */
export function ticketHistory(rng: Random, t: TicketRecord, today: Date): TicketWithHistory {
  const now = today.getTime();
  const history: StatusChange[] = [{ status: 'new', at: t.createdAt }];
  if (t.firstResponseAt) history.push({ status: 'open', at: t.firstResponseAt });
  let reopens = 0;
  if (t.firstResponseAt && t.solvedAt) {
    const answered = Date.parse(t.firstResponseAt);
    const solved = Date.parse(t.solvedAt);
    // Some answers ask the customer for more: the ticket waits on them, then comes back open before it is solved.
    if (solved - answered > 6 * HOUR_MS && rng.chance(0.45)) {
      const waits = answered + Math.round((solved - answered) * (0.2 + rng.next() * 0.3));
      const back = waits + Math.round((solved - waits) * (0.4 + rng.next() * 0.4));
      history.push({ status: 'pending', at: iso(waits) }, { status: 'open', at: iso(back) });
    }
    history.push({ status: 'solved', at: t.solvedAt });
    const reopened = solved + rng.int(4, 72) * HOUR_MS;
    if ((t.reopens ?? 0) > 0 && reopened < now) {
      reopens = 1;
      history.push({ status: 'open', at: iso(reopened) });
      const again = reopened + rng.int(2, 40) * HOUR_MS;
      if (again < now) history.push({ status: 'solved', at: iso(again) });
    }
  }
  const last = history[history.length - 1]!;
  return {
    record: {
      ...t,
      status: last.status,
      reopens: t.solvedAt ? reopens : null,
      updatedAt: last.at,
    },
    history,
  };
}
