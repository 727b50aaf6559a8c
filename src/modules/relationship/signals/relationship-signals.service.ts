/**
 * Evaluates the relationship signals of a workspace (or of some of its accounts) at a moment: each rule of
 * `relationship-signals.ts` on each account not churned. A rule that holds raises (or refreshes) its signal with the
 * evidence; one that no longer holds, or is switched off, resolves it. Idempotent.
 */
import { type Account, getAccount, listAccounts, listContacts } from '../../accounts/index.ts';
import { settleAccountOutcome, type SignalKind } from '../../signals/index.ts';
import type { Scope } from '../../../platform/auth/principal.ts';
import type { DialectCapabilities } from '../../../platform/db/capabilities.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import { type LatestNps, relationshipRules } from './relationship-signals.ts';
import { type RelationshipThresholds, relationshipThresholdsSetting } from './relationship-signals.settings.ts';
import * as store from './relationship-signals.store.ts';

export interface RelationshipSignalSummary {
  asOf: string;
  accounts: number;
  raised: Partial<Record<SignalKind, number>>;
  resolved: Partial<Record<SignalKind, number>>;
}

const DAY_MS = 86_400_000;

async function evaluateAccount(
  db: Db,
  scope: Scope,
  account: Account,
  now: Date,
  t: RelationshipThresholds,
  summary: RelationshipSignalSummary,
): Promise<void> {
  const contacts = await listContacts(db, scope, account.id);
  const latest = new Map<string, LatestNps>();
  for (const a of await store.selectNpsAnswers(db, scope.workspaceId, account.id)) {
    if (a.contact_id === null || latest.has(a.contact_id) || a.responded_at > now.toISOString()) continue;
    latest.set(a.contact_id, {
      contactId: a.contact_id,
      score: Number(a.score),
      respondedAt: a.responded_at,
      comment: a.comment,
    });
  }
  const window = Math.max(t.financeInDelivery.lookbackDays, t.touchSurge.recentDays + t.touchSurge.baselineDays);
  const from = new Date(now.getTime() - window * DAY_MS).toISOString();
  const touches = (await store.selectTouchesSince(db, scope.workspaceId, account.id, from)).map((r) => ({
    occurredAt: r.occurred_at,
    kind: r.kind,
    subject: r.subject,
    contactIds: JSON.parse(r.contact_ids) as string[],
  }));
  const outcomes = relationshipRules(
    { now, lifecyclePhase: account.lifecyclePhase, contacts, latestNps: [...latest.values()], touches },
    t,
  );
  const why = `no longer holds as of ${now.toISOString().slice(0, 10)}`;
  for (const o of outcomes) await settleAccountOutcome(db, scope.workspaceId, account.id, o, why, summary);
}

/**
 * Evaluates the relationship signals at `now`: of the accounts named, or of every account when none is named.
 * The caller owns the transaction.
 */
export async function evaluateRelationshipSignals(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  now: Date,
  accountIds?: readonly string[],
): Promise<RelationshipSignalSummary> {
  const scope: Scope = { workspaceId, partnerId: null };
  const t = await readSetting(db, workspaceId, relationshipThresholdsSetting);
  const summary: RelationshipSignalSummary = { asOf: now.toISOString(), accounts: 0, raised: {}, resolved: {} };
  const judge = async (account: Account) => {
    if (account.lifecyclePhase === 'churned') return;
    summary.accounts += 1;
    await evaluateAccount(db, scope, account, now, t, summary);
  };
  if (accountIds) {
    for (const id of new Set(accountIds)) {
      const account = await getAccount(db, scope, id).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'not_found') return null;
        throw err;
      });
      if (account) await judge(account);
    }
    return summary;
  }
  let cursor: string | undefined;
  do {
    const page = await listAccounts(db, caps, scope, { limit: 200, cursor });
    for (const account of page.items) await judge(account);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return summary;
}
