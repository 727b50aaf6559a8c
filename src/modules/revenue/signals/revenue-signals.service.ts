/**
 * Evaluates the revenue signals of a workspace (or of some of its accounts) on a day: each rule of
 * `revenue-signals.ts` on each account with subscriptions in the reporting currency. A rule that holds raises (or
 * refreshes) its signal; one that no longer holds, or is switched off, resolves it. Idempotent.
 */
import { settleAccountOutcome, type SignalKind } from '../../signals/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import { loadBook } from '../revenue.service.ts';
import { revenueRules, type RuleSubscription } from './revenue-signals.ts';
import { revenueThresholdsSetting } from './revenue-signals.settings.ts';

export interface RevenueSignalSummary {
  asOf: string;
  accounts: number;
  raised: Partial<Record<SignalKind, number>>;
  resolved: Partial<Record<SignalKind, number>>;
}

/** Evaluates the revenue signals as of `asOf` (YYYY-MM-DD). The caller owns the transaction. */
export async function evaluateRevenueSignals(
  db: Db,
  workspaceId: string,
  asOf: string,
  accountIds?: readonly string[],
): Promise<RevenueSignalSummary> {
  const t = await readSetting(db, workspaceId, revenueThresholdsSetting);
  const book = await loadBook(db, workspaceId);
  const byAccount = new Map<string, RuleSubscription[]>();
  for (const s of book.subscriptions) {
    if (s.accountId === null) continue;
    const list = byAccount.get(s.accountId) ?? [];
    list.push({ ...s, name: s.plan ?? s.externalId });
    byAccount.set(s.accountId, list);
  }
  const named = accountIds ? new Set(accountIds) : null;
  const summary: RevenueSignalSummary = { asOf, accounts: 0, raised: {}, resolved: {} };
  const ids = named ? [...named] : [...byAccount.keys()];
  for (const accountId of ids.sort()) {
    summary.accounts += 1;
    const outcomes = revenueRules({ asOf, currency: book.currency, subscriptions: byAccount.get(accountId) ?? [] }, t);
    for (const o of outcomes)
      await settleAccountOutcome(db, workspaceId, accountId, o, `no longer holds as of ${asOf}`, summary);
  }
  return summary;
}
