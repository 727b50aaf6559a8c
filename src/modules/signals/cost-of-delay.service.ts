/**
 * Cost of delay beside the time-to-value signals: the money of their accounts comes from later modules (revenue's
 * ARR) through an extension point the composition root fills; signals never names them.
 */
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { type AccountValue, type CostOfDelay, costOfDelay, daysSlipped } from './cost-of-delay.ts';
import type { Signal } from './signal.ts';

/** What a later module knows of some accounts' money on a day (accounts it knows nothing of are left out). */
export type AccountValueSource = (
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  accountIds: readonly string[],
  day: string,
) => Promise<Map<string, AccountValue>>;

let source: AccountValueSource = async () => new Map();

export const setAccountValueSource = (s: AccountValueSource): void => {
  source = s;
};

export type SignalWithCost = Signal & { costOfDelay?: CostOfDelay | null };

/** The signals with each time-to-value signal's cost of delay (null where its account's money is unknown). */
export async function withCostOfDelay(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  items: readonly Signal[],
  day: string,
): Promise<SignalWithCost[]> {
  const ids = [...new Set(items.filter((s) => s.stage === 'time_to_value' && s.accountId).map((s) => s.accountId!))];
  if (ids.length === 0) return [...items];
  const values = await source(db, caps, workspaceId, ids, day);
  return items.map((s) => {
    if (s.stage !== 'time_to_value') return s;
    const value = s.accountId ? values.get(s.accountId) : undefined;
    return { ...s, costOfDelay: value ? costOfDelay(value, daysSlipped(s.kind, s.evidence)) : null };
  });
}
