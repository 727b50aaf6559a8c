/**
 * The daily digest: one message a day to each subscription in `daily_digest` mode, from earlier modules' faces
 * (signals' new severe signals and go-live slips, revenue's renewals within 30 days), queued in the outbox once per
 * day (`digest:<day>`) and sent like any alert.
 */
import { newId } from '../../platform/ids.ts';
import { accountNamesById } from '../accounts/index.ts';
import { renewalReport } from '../revenue/index.ts';
import { listSignals } from '../signals/index.ts';
import { deliverDue, type DeliveryEnv } from './delivery.service.ts';
import { insertDelivery } from './delivery.store.ts';
import { digestData } from './digest.ts';
import { listSubscriptions } from './subscription.service.ts';
import { workspacesWithMode } from './subscription.store.ts';

const SLIP_KINDS = new Set(['ttv.forecast_late', 'ttv.repeated_slips', 'handoff.early_slip']);

export async function queueDigests(env: DeliveryEnv, workerId: string): Promise<number> {
  const now = env.now();
  const day = now.toISOString().slice(0, 10);
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  let queued = 0;
  for (const workspaceId of await workspacesWithMode(env.db, 'daily_digest')) {
    const subs = (await listSubscriptions(env.db, workspaceId)).filter((s) => s.enabled && s.mode === 'daily_digest');
    const names = await accountNamesById(env.db, { workspaceId, partnerId: null });
    const recent = (await listSignals(env.db, workspaceId, { open: true, limit: 200 })).items.filter(
      (s) => s.firstSeenAt >= since,
    );
    const renewals = await renewalReport(env.db, env.caps, workspaceId, day, 30);
    for (const sub of subs) {
      const inStages = (s: { stage: string }) => sub.stages.length === 0 || sub.stages.some((x) => x === s.stage);
      const named = (s: { title: string; accountId: string | null }) => ({
        title: s.title,
        account: s.accountId ? (names.get(s.accountId) ?? null) : null,
      });
      const data = digestData({
        day,
        severe: recent.filter((s) => s.severity === 'severe' && inStages(s)).map(named),
        renewals: renewals.items.map((r) => ({ account: r.account, date: r.date, arr: r.arr })),
        slips: recent.filter((s) => SLIP_KINDS.has(s.kind)).map(named),
        currency: renewals.currency ?? null,
      });
      const inserted = await insertDelivery(env.db, {
        id: newId(),
        workspace_id: workspaceId,
        subscription_id: sub.id,
        event_key: `digest:${day}`,
        event_type: 'alert.digest',
        payload: JSON.stringify({ ...data, path: '/' }),
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
