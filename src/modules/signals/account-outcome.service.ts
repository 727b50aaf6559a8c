/**
 * What every account rule does with its outcome: one that holds raises (or refreshes) the account's signal of its
 * kind, one that no longer holds (or is switched off) resolves it; either is counted for the run's summary.
 */
import type { Db } from '../../platform/db/database.ts';
import { raiseSignal, resolveSignals } from './signal.service.ts';
import type { Severity, SignalKind } from './signal.ts';

export interface AccountRuleOutcome {
  kind: SignalKind;
  holds: boolean;
  severity: Severity;
  title: string;
  evidence: Record<string, unknown>;
}

export interface SignalTally {
  raised: Partial<Record<SignalKind, number>>;
  resolved: Partial<Record<SignalKind, number>>;
}

/** Settles one outcome on one account (`why` says why a signal resolves). The caller owns the transaction. */
export async function settleAccountOutcome(
  db: Db,
  workspaceId: string,
  accountId: string,
  o: AccountRuleOutcome,
  why: string,
  tally: SignalTally,
): Promise<void> {
  if (o.holds) {
    await raiseSignal(db, {
      workspaceId,
      kind: o.kind,
      accountId,
      severity: o.severity,
      subjectType: 'account',
      subjectId: accountId,
      title: o.title,
      evidence: o.evidence,
    });
    tally.raised[o.kind] = (tally.raised[o.kind] ?? 0) + 1;
    return;
  }
  const n = await resolveSignals(db, workspaceId, o.kind, accountId, why);
  if (n > 0) tally.resolved[o.kind] = (tally.resolved[o.kind] ?? 0) + n;
}
