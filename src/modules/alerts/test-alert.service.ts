/**
 * A test alert through every enabled channel of a workspace (or through one subscription, enabled or not), answering
 * what each channel answered. Not queued.
 */
import { getWorkspace } from '../../platform/identity/workspace.service.ts';
import { newId } from '../../platform/ids.ts';
import type { Channel } from './alert.ts';
import { sendAlert } from './channels/send.service.ts';
import type { DeliveryEnv } from './delivery.service.ts';
import { destinationOf, toSubscription } from './subscription.service.ts';
import { selectSubscriptions } from './subscription.store.ts';

export interface TestAnswer {
  subscriptionId: string;
  channel: Channel;
  target: string;
  ok: boolean;
  status: number | null;
  answer: string;
}

export async function sendTestAlerts(
  env: DeliveryEnv,
  workspaceId: string,
  subscriptionId?: string,
): Promise<TestAnswer[]> {
  const workspace = await getWorkspace(env.db, workspaceId);
  const rows = (await selectSubscriptions(env.db, workspaceId)).filter((r) =>
    subscriptionId === undefined ? r.enabled === 1 : r.id === subscriptionId,
  );
  return Promise.all(
    rows.map(async (row) => {
      const sub = toSubscription(row);
      const result = await sendAlert(
        env,
        {
          id: newId(),
          type: 'alert.test',
          created: env.now().toISOString(),
          workspace: workspace.slug,
          data: {
            title: 'Test alert from Baton',
            explanation:
              sub.userId === null
                ? `This ${sub.channel} channel of ${workspace.name} receives Baton's alerts.`
                : `This ${sub.channel} channel receives your own Baton alerts in ${workspace.name}.`,
            severity: 'info',
            stage: null,
            signal: null,
            account: null,
            arr: null,
            currency: null,
            link: env.config.publicUrl
              ? `${env.config.publicUrl}${sub.userId === null ? '/settings/alerts' : '/my-work/alerts'}`
              : null,
          },
        },
        destinationOf(env.secrets, row),
      );
      return { subscriptionId: sub.id, channel: sub.channel, target: sub.target, ...result };
    }),
  );
}
