/**
 * Evaluates the support-overload signals of a workspace (or of some of its accounts) on a day: go-live from
 * delivery's face, licensed seats from usage's, tickets from this module. The workspace's median first month is
 * read over every account with tickets, so naming some accounts judges them against the same median. A rule that
 * holds raises (or refreshes) its signal; one that no longer holds, or is off, resolves it. Idempotent.
 */
import { goLivesBetween } from '../../delivery/index.ts';
import { listSignals, settleAccountOutcome, type SignalKind } from '../../signals/index.ts';
import { seatsOfAccounts } from '../../usage/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import {
  firstMonthPer100Seats,
  howToHeavy,
  medianRate,
  type SupportAccountFacts,
  type SupportTicketFact,
  ticketSurgeAfterGoLive,
} from './support-signals.ts';
import { supportThresholdsSetting } from './support-signals.settings.ts';

export interface SupportSignalSummary {
  asOf: string;
  accounts: number;
  medianPer100Seats: number | null;
  raised: Partial<Record<SignalKind, number>>;
  resolved: Partial<Record<SignalKind, number>>;
}

const KINDS = new Set<string>(['support.ticket_surge_after_go_live', 'support.how_to_heavy']);

async function ticketsByAccount(db: Db, workspaceId: string): Promise<Map<string, SupportTicketFact[]>> {
  const rows = await db
    .selectFrom('tickets')
    .select(['account_id', 'category', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is not', null)
    .execute();
  const by = new Map<string, SupportTicketFact[]>();
  for (const r of rows) {
    const list = by.get(r.account_id!) ?? [];
    list.push({ category: r.category, createdAt: r.created_at });
    by.set(r.account_id!, list);
  }
  return by;
}

/** Evaluates the support signals as of `asOf` (YYYY-MM-DD or an instant). The caller owns the transaction. */
export async function evaluateSupportSignals(
  db: Db,
  workspaceId: string,
  asOf: string,
  accountIds?: readonly string[],
): Promise<SupportSignalSummary> {
  const day = asOf.slice(0, 10);
  const t = await readSetting(db, workspaceId, supportThresholdsSetting);
  const tickets = await ticketsByAccount(db, workspaceId);
  const [goLives, seats] = await Promise.all([
    goLivesBetween(db, workspaceId, '0000-01-01', '9999-12-31'),
    seatsOfAccounts(db, workspaceId, [...tickets.keys()]),
  ]);
  const goLiveOf = new Map(goLives.map((g) => [g.accountId, g.goLive]));
  const facts = new Map<string, SupportAccountFacts>();
  for (const [accountId, list] of tickets) {
    const goLive = goLiveOf.get(accountId) ?? null;
    facts.set(accountId, { asOf: day, goLive, seats: seats.get(accountId) ?? null, tickets: list });
  }
  const rates = [...facts.values()].map(firstMonthPer100Seats).filter((m) => m !== null);
  const median = { per100Seats: medianRate(rates.map((m) => m.per100Seats)), accounts: rates.length };

  const judged = new Set(accountIds ?? facts.keys());
  if (!accountIds) {
    let cursor: string | undefined;
    do {
      const page = await listSignals(db, workspaceId, { stage: 'support_overload', open: true, limit: 200, cursor });
      for (const s of page.items) if (KINDS.has(s.kind) && s.accountId) judged.add(s.accountId);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const summary: SupportSignalSummary = {
    asOf: day,
    accounts: 0,
    medianPer100Seats: median.per100Seats,
    raised: {},
    resolved: {},
  };
  for (const accountId of [...judged].sort()) {
    summary.accounts += 1;
    const f = facts.get(accountId) ?? { asOf: day, goLive: null, seats: null, tickets: [] };
    for (const o of [ticketSurgeAfterGoLive(f, median, t), howToHeavy(f, t)])
      await settleAccountOutcome(db, workspaceId, accountId, o, `no longer holds as of ${day}`, summary);
  }
  return summary;
}
