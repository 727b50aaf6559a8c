/**
 * A signal opened or rose (signals' `signals.raised`, in the raising transaction): each subscription that wants it
 * gets one outbox row (unique per subscription and event key, so nothing is queued twice), and a delivery job is
 * queued to send them. The alert's data is fixed here, so a replay later sends the same body.
 */
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { queueJob } from '../../platform/jobs/job-types.ts';
import { accountNamesOf, getAccount } from '../accounts/index.ts';
import { accountsArrOn } from '../revenue/index.ts';
import type { SignalRaised } from '../signals/index.ts';
import type { AlertData } from './alert-message.ts';
import { sendableFrom, signalEventKey, wantsSignal } from './alert.ts';
import { insertDelivery } from './delivery.store.ts';
import { listSubscriptions } from './subscription.service.ts';

/** Who owns an account (AE, delivery lead, CSM, account manager): what a subscription to "my accounts" asks. */
async function ownersOf(db: Db, workspaceId: string, accountId: string | null): Promise<string[]> {
  if (!accountId) return [];
  const a = await getAccount(db, { workspaceId, partnerId: null }, accountId);
  return [a.aeUserId, a.deliveryLeadUserId, a.csmUserId, a.accountManagerUserId].filter((id) => id !== null);
}

/** Workspaces whose delivery job a transaction has already queued. */
const deliveryQueued = new WeakMap<object, Set<string>>();

export async function queueSignalAlerts(db: Db, e: SignalRaised): Promise<void> {
  const all = await listSubscriptions(db, e.workspaceId);
  const owners = all.some((s) => s.accounts === 'mine') ? await ownersOf(db, e.workspaceId, e.accountId) : [];
  const subs = all.filter((s) => wantsSignal(s, e, owners));
  if (subs.length === 0) return;
  const account = e.accountId
    ? { id: e.accountId, name: (await accountNamesOf(db, e.workspaceId, [e.accountId])).get(e.accountId) ?? '' }
    : null;
  // Only this account's subscriptions are read: a rule raising many signals must not read the book for each.
  const book = account ? await accountsArrOn(db, e.workspaceId, [account.id], e.at.slice(0, 10)) : null;
  const arr = account ? (book?.arr.get(account.id) ?? null) : null;
  const data: AlertData & { path: string | null } = {
    title: e.title,
    explanation: e.explanation,
    severity: e.severity,
    stage: e.stage,
    signal: {
      id: e.signalId,
      kind: e.kind,
      previousSeverity: e.previousSeverity,
      suggestedPlay: e.suggestedPlay,
      at: e.at,
    },
    account: account && account.name ? account : null,
    arr,
    currency: arr === null ? null : (book?.currency ?? null),
    link: null,
    path: account ? `/accounts/${account.id}` : null,
  };
  const at = new Date(e.at);
  let queued = 0;
  for (const sub of subs) {
    const from = sendableFrom(at, sub.quietHours);
    const inserted = await insertDelivery(db, {
      id: newId(),
      workspace_id: e.workspaceId,
      subscription_id: sub.id,
      event_key: signalEventKey(e.signalId, e.severity),
      event_type: 'signal.raised',
      payload: JSON.stringify(data),
      status: 'pending',
      attempts: 0,
      next_attempt_at: from?.toISOString() ?? null,
      locked_by: null,
      locked_until: null,
      last_attempt_at: null,
      last_status: null,
      last_response: null,
      last_error: null,
      sent_at: null,
      created_at: e.at,
    });
    if (inserted) queued++;
  }
  // One job per transaction and workspace: it sends every due row of the workspace, so a rule raising many signals
  // at once queues one, while each signal raised on its own is sent as soon as a runner sees its job (not at the next
  // minute's scheduled pass, which only catches what a job missed: rows held by quiet hours, retries).
  if (queued > 0) {
    if (db.isTransaction) {
      let queuedHere = deliveryQueued.get(db);
      if (!queuedHere) deliveryQueued.set(db, (queuedHere = new Set()));
      if (queuedHere.has(e.workspaceId)) return;
      queuedHere.add(e.workspaceId);
    }
    await queueJob(
      db,
      'alerts.deliver',
      { workspaceId: e.workspaceId },
      { workspaceId: e.workspaceId, id: `alerts.deliver:${e.workspaceId}:${newId()}`, runAt: at },
    );
  }
}
