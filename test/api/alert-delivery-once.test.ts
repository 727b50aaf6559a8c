import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue, type DeliveryEnv } from '../../src/modules/alerts/index.ts';
import { raiseSignal } from '../../src/modules/signals/index.ts';
import { buildAccount } from '../helpers/fixtures/index.ts';
import { httpReceiver } from '../helpers/receivers.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-04-01T09:00:00.000Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

describe('delivery by several instances', () => {
  it('sends each queued alert exactly once when two workers drain the outbox at the same time', async () => {
    const ws = await t.workspace('alerts-once');
    const admin = await t.login((await t.user(ws, 'admin')).email);
    const hook = await httpReceiver();
    try {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/alerts/subscriptions',
        payload: { channel: 'webhook', target: hook.url, secret: 'whsec_once_0123456789' },
      });
      expect(res.statusCode).toBe(201);
      const account = await buildAccount(t.ctx.db, ws, { name: 'Fabrikam' });
      const count = 40;
      await t.ctx.db.transaction().execute(async (trx) => {
        for (let i = 0; i < count; i++) {
          await raiseSignal(trx, {
            workspaceId: ws,
            kind: 'delivery.blocked_task',
            accountId: account.id,
            severity: 'warning',
            subjectType: 'task',
            subjectId: `task-${i}`,
            title: `Task ${i} is blocked`,
            evidence: { blockedDays: 6 },
          });
        }
      });
      // Two instances: the same database, each its own worker name, claiming a few rows at a time.
      const env: DeliveryEnv = {
        db: t.ctx.db,
        caps: t.ctx.caps,
        secrets: t.ctx.secrets,
        config: t.ctx.config,
        now: () => NOW,
      };
      const [a, b] = await Promise.all([
        deliverDue(env, { workerId: 'instance-a', batch: 3 }),
        deliverDue(env, { workerId: 'instance-b', batch: 3 }),
      ]);
      expect(a.sent + b.sent).toBe(count);
      expect(a.failed + b.failed).toBe(0);
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      expect(hook.received).toHaveLength(count);
      const ids = hook.received.map((r) => String(r.headers['baton-event-id']));
      expect(new Set(ids).size).toBe(count);
      const titles = new Set(hook.received.map((r) => JSON.parse(r.body).data.title));
      expect(titles.size).toBe(count);
      // Nothing is left to send, by either.
      expect(await deliverDue(env, { workerId: 'instance-a' })).toEqual({ sent: 0, failed: 0 });
    } finally {
      await hook.close();
    }
  });
});
