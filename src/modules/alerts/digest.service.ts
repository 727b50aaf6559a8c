/**
 * The daily digest: one message a day to each subscription in `daily_digest` mode, from earlier modules' faces
 * (signals' new severe signals and go-live slips, revenue's renewals within 30 days, plays' tasks due), queued in the
 * outbox once per day (`digest:<day>`) and sent like any alert. A person whose signals come at once but who asked for
 * their play tasks gets a morning message of those due instead (`tasks:<day>`), when there are any.
 */
import { newId } from '../../platform/ids.ts';
import { accountNamesById, listAccounts } from '../accounts/index.ts';
import { playTasksDue } from '../plays/index.ts';
import { renewalReport } from '../revenue/index.ts';
import { listSignals } from '../signals/index.ts';
import type { AlertData } from './alert-message.ts';
import type { AlertSubscription } from './alert.ts';
import { deliverDue, type DeliveryEnv } from './delivery.service.ts';
import { insertDelivery } from './delivery.store.ts';
import { digestData, type PlayTaskLine, tasksDueData } from './digest.ts';
import { listSubscriptions } from './subscription.service.ts';
import { workspacesWithDailyWork } from './subscription.store.ts';

const SLIP_KINDS = new Set(['ttv.forecast_late', 'ttv.repeated_slips', 'handoff.early_slip']);

/** The accounts a person owns in any role (AE, delivery lead, CSM, account manager). */
async function ownedAccountIds(env: DeliveryEnv, workspaceId: string, userId: string): Promise<Set<string>> {
  const out = new Set<string>();
  let cursor: string | undefined;
  do {
    const scope = { workspaceId, partnerId: null };
    const page = await listAccounts(env.db, env.caps, scope, { ownerUserId: userId, limit: 200, cursor });
    for (const a of page.items) out.add(a.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Whether the subscription gets something from the daily job: a digest, or a morning message of tasks due. */
const daily = (s: AlertSubscription) => s.enabled && (s.mode === 'daily_digest' || (s.playTasks && s.userId !== null));

export async function queueDigests(env: DeliveryEnv, workerId: string): Promise<number> {
  const now = env.now();
  const day = now.toISOString().slice(0, 10);
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  let queued = 0;
  for (const workspaceId of await workspacesWithDailyWork(env.db)) {
    const subs = (await listSubscriptions(env.db, workspaceId)).filter(daily);
    if (subs.length === 0) continue;
    const names = await accountNamesById(env.db, { workspaceId, partnerId: null });
    const recent = (await listSignals(env.db, workspaceId, { open: true, limit: 200 })).items.filter(
      (s) => s.firstSeenAt >= since,
    );
    const renewals = await renewalReport(env.db, env.caps, workspaceId, day, 30);
    for (const sub of subs) {
      const mine = sub.accounts === 'mine' && sub.userId ? await ownedAccountIds(env, workspaceId, sub.userId) : null;
      const onMine = (accountId: string | null) => mine === null || (accountId !== null && mine.has(accountId));
      const tasks: PlayTaskLine[] | null =
        sub.playTasks && sub.userId
          ? (await playTasksDue(env.db, workspaceId, sub.userId, day)).map((t) => ({
              title: t.title,
              play: t.play,
              account: names.get(t.accountId) ?? null,
              due: t.due,
            }))
          : null;
      const inStages = (s: { stage: string }) => sub.stages.length === 0 || sub.stages.some((x) => x === s.stage);
      const named = (s: { title: string; accountId: string | null }) => ({
        title: s.title,
        account: s.accountId ? (names.get(s.accountId) ?? null) : null,
      });
      let data: AlertData;
      let key: string;
      if (sub.mode === 'daily_digest') {
        key = `digest:${day}`;
        data = digestData({
          day,
          severe: recent.filter((s) => s.severity === 'severe' && inStages(s) && onMine(s.accountId)).map(named),
          renewals: renewals.items
            .filter((r) => onMine(r.accountId))
            .map((r) => ({ account: r.account, date: r.date, arr: r.arr })),
          slips: recent.filter((s) => SLIP_KINDS.has(s.kind) && onMine(s.accountId)).map(named),
          tasks,
          currency: renewals.currency ?? null,
        });
      } else {
        if (!tasks || tasks.length === 0) continue;
        key = `tasks:${day}`;
        data = tasksDueData(day, tasks);
      }
      const inserted = await insertDelivery(env.db, {
        id: newId(),
        workspace_id: workspaceId,
        subscription_id: sub.id,
        event_key: key,
        event_type: 'alert.digest',
        payload: JSON.stringify({ ...data, path: sub.mode === 'daily_digest' ? '/' : '/my-work' }),
        status: 'pending',
        attempts: 0,
        next_attempt_at: null,
        locked_by: null,
        locked_until: null,
        last_attempt_at: null,
        last_status: null,
        last_response: null,
        last_error: null,
        sent_at: null,
        created_at: now.toISOString(),
      });
      if (inserted) queued++;
    }
  }
  if (queued > 0) await deliverDue(env, { workerId });
  return queued;
}
