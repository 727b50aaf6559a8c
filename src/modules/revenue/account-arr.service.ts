/**
 * One account's ARR over time, read from its subscriptions in the workspace's reporting currency: the history a
 * chart draws and the changes its timeline tells (revenue's face for the account's story).
 */
import type { Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { readSetting } from '../../platform/settings/settings.service.ts';
import { newestFirst, type TimelineEntry, type TimelineRange } from '../accounts/index.ts';
import { type ArrStep, arrStepEntry, arrSteps } from './account-arr.ts';
import { mixedCurrencyNote, reportingCurrency, splitByCurrency } from './currency.ts';
import { revenueSettings } from './revenue.settings.ts';
import { listSubscriptions } from './subscription.service.ts';

export interface AccountArrHistory {
  currency: string;
  steps: ArrStep[];
  /** Subscriptions in other currencies left out, said in a sentence; null when none were. */
  note: string | null;
}

export async function accountArrHistory(db: Db, workspaceId: string, accountId: string): Promise<AccountArrHistory> {
  const subs = await listSubscriptions(db, workspaceId, { accountIds: [accountId] });
  const setting = (await readSetting(db, workspaceId, revenueSettings)).currency;
  const split = splitByCurrency(
    subs,
    reportingCurrency(
      setting,
      subs.map((s) => s.currency),
    ),
  );
  return { currency: split.currency, steps: arrSteps(split.counted, accountId), note: mixedCurrencyNote(split) };
}

export async function subscriptionTimelineOf(
  db: Db,
  scope: Scope,
  accountId: string,
  range: TimelineRange,
): Promise<TimelineEntry[]> {
  const history = await accountArrHistory(db, scope.workspaceId, accountId);
  return newestFirst(
    history.steps.map((s) => arrStepEntry(accountId, s, history.currency)),
    range,
  );
}
