import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, raiseLateForecast } from '../helpers/fixtures/index.ts';
import { httpReceiver } from '../helpers/receivers.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The server's and the job runner's clock. */
const NOW = new Date('2026-05-11T12:00:00.000Z');
const SECRET = 'whsec_0123456789abcdef';

let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({ BATON_PUBLIC_URL: 'https://baton.example' }, { now: () => NOW });
});
afterAll(async () => {
  await t?.close();
});

async function setUp() {
  const ws = await t.workspace(`alert-move-${++n}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const account = await buildAccount(t.ctx.db, ws, { name: `Contoso ${n}` });
  // Each test's job passes hours apart from the others'.
  const at = (minutes = 0) => new Date(NOW.getTime() + n * 7 * 3_600_000 + minutes * 60_000);
  return { ws, admin, account, at };
}

type Sub = {
  id: string;
  channel: string;
  target: string;
  hasSecret: boolean;
  enabled: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
  minSeverity: string;
};
const url = (id: string) => `/api/v1/alerts/subscriptions/${id}`;
const subscribe = async (c: Client, payload: object) =>
  (await c.request({ method: 'POST', url: '/api/v1/alerts/subscriptions', payload })).json() as Sub;
const change = (c: Client, id: string, payload: object) => c.request({ method: 'PATCH', url: url(id), payload });
const list = async (c: Client) =>
  (await c.request({ method: 'GET', url: '/api/v1/alerts/subscriptions' })).json().items as Sub[];
const fields = (res: { json(): { errors?: Array<{ field: string }> } }) =>
  (res.json().errors ?? []).map((e) => e.field).sort();
const stored = (id: string) =>
  t.ctx.db.selectFrom('alert_subscriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const audits = (id: string) =>
  t.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'before_json', 'after_json'])
    .where('entity_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
const deliveryRows = (subscriptionId: string) =>
  t.ctx.db.selectFrom('alert_deliveries').selectAll().where('subscription_id', '=', subscriptionId).execute();

const raise = (ws: string, accountId: string, subject: string) => raiseLateForecast(t.ctx.db, ws, accountId, subject);

describe('changing an alert’s channel and address', () => {
  it('moves an email alert to Slack: the next alert reaches Slack, the URL sealed, the change audited', async () => {
    const s = await setUp();
    const slack = await httpReceiver();
    try {
      const sub = await subscribe(s.admin, { channel: 'email', target: `cs-${n}@acme.example` });
      const res = await change(s.admin, sub.id, { channel: 'slack', target: `${slack.url}/services/T0/B0/n3wt0ken` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: sub.id, channel: 'slack', target: `${slack.url}/…0ken`, enabled: true });
      expect((await stored(sub.id)).secret).toMatch(/^sealed:v1:/);
      const [, updated] = await audits(sub.id);
      expect(updated!.action).toBe('alert_subscription.update');
      expect(JSON.parse(updated!.before_json!)).toMatchObject({ channel: 'email', target: `cs-${n}@acme.example` });
      expect(JSON.parse(updated!.after_json!)).toMatchObject({ channel: 'slack', target: `${slack.url}/…0ken` });
      expect(JSON.stringify(updated)).not.toContain('n3wt0ken');

      await raise(s.ws, s.account.id, `slack-${n}`);
      expect(await t.runJobs({ now: s.at() })).toEqual([]);
      expect(slack.received.map((r) => r.url)).toEqual(['/services/T0/B0/n3wt0ken']);
      expect(JSON.parse(slack.received[0]!.body).text).toContain(s.account.name);
      expect((await deliveryRows(sub.id)).map((d) => d.status)).toEqual(['sent']);
    } finally {
      await slack.close();
    }
  });

  it('refuses a bad channel or address naming the field, and changes nothing', async () => {
    const s = await setUp();
    const hook = await subscribe(s.admin, { channel: 'webhook', target: 'https://hooks.example/in', secret: SECRET });
    const mail = await subscribe(s.admin, { channel: 'email', target: 'ops@acme.example' });
    const cases: Array<[Sub, object, string[]]> = [
      [mail, { channel: 'email', target: 'nobody', minSeverity: 'severe' }, ['body.target']],
      [mail, { target: 'not an address' }, ['body.target']],
      [mail, { channel: 'slack', target: 'ftp://hooks.slack.com/x' }, ['body.target']],
      [mail, { channel: 'slack' }, ['body.target']],
      [mail, { channel: 'webhook', target: 'https://ops.acme.example/b', minSeverity: 'severe' }, ['body.secret']],
      [mail, { channel: 'webhook', target: 'https://ops.acme.example/b', secret: 'short' }, ['body.secret']],
      [mail, { channel: 'webhook', target: 'nowhere' }, ['body.secret', 'body.target']],
      [mail, { channel: 'pager', target: 'ops@acme.example' }, ['body.channel']],
      [hook, { target: 'not a url' }, ['body.target']],
      [hook, { channel: 'email', target: 'ops@acme.example', secret: SECRET }, ['body.secret']],
      [hook, { target: '' }, ['body.target']],
    ];
    const before = await list(s.admin);
    const audited = (await audits(mail.id)).length + (await audits(hook.id)).length;
    for (const [sub, payload, expected] of cases) {
      const res = await change(s.admin, sub.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fields(res), JSON.stringify(payload)).toEqual(expected);
    }
    expect(await list(s.admin)).toEqual(before);
    expect((await audits(mail.id)).length + (await audits(hook.id)).length).toBe(audited);
  });

  it('switches to a signed webhook with its secret, and back to email dropping the sealed secret', async () => {
    const s = await setUp();
    const hook = await httpReceiver();
    try {
      const sub = await subscribe(s.admin, { channel: 'email', target: 'ops@acme.example' });
      const toHook = await change(s.admin, sub.id, { channel: 'webhook', target: `${hook.url}/in`, secret: SECRET });
      expect(toHook.json()).toMatchObject({ channel: 'webhook', target: `${hook.url}/in`, hasSecret: true });
      expect(JSON.stringify((await audits(sub.id)).at(-1))).not.toContain(SECRET);
      // A webhook given a new address keeps its secret.
      const moved = await change(s.admin, sub.id, { target: `${hook.url}/moved` });
      expect(moved.json()).toMatchObject({ channel: 'webhook', target: `${hook.url}/moved`, hasSecret: true });
      await raise(s.ws, s.account.id, `hook-${n}`);
      await t.runJobs({ now: s.at() });
      expect(hook.received.map((r) => r.url)).toEqual(['/moved']);
      expect(String(hook.received[0]!.headers['baton-signature'])).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);

      const back = await change(s.admin, sub.id, { channel: 'email', target: 'cs@acme.example' });
      expect(back.json()).toMatchObject({ channel: 'email', target: 'cs@acme.example', hasSecret: false });
      expect((await stored(sub.id)).secret).toBeNull();
    } finally {
      await hook.close();
    }
  });

  it('re-enables a subscription disabled after failures when its address changes, its failures forgotten', async () => {
    const s = await setUp();
    const gone = await httpReceiver();
    const fresh = await httpReceiver();
    try {
      gone.answer(410, 'gone');
      const sub = await subscribe(s.admin, { channel: 'webhook', target: gone.url, secret: SECRET });
      // Switched off by a person: an address change leaves it off.
      const off = await subscribe(s.admin, { channel: 'email', target: 'off@acme.example', enabled: false });
      for (let i = 0; i < 10; i++) await raise(s.ws, s.account.id, `fail-${n}-${i}`);
      await t.runJobs({ now: s.at() });
      expect((await list(s.admin))[0]).toMatchObject({ id: sub.id, enabled: false, consecutiveFailures: 10 });

      const res = await change(s.admin, sub.id, { target: `${fresh.url}/in` });
      expect(res.json()).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null });
      expect(JSON.parse((await audits(sub.id)).at(-1)!.before_json!)).toMatchObject({ enabled: false });
      expect((await change(s.admin, off.id, { target: 'still-off@acme.example' })).json()).toMatchObject({
        enabled: false,
        target: 'still-off@acme.example',
      });

      // The ten alerts that failed at the old address wait no longer: they go to the new one, then the next alert.
      await raise(s.ws, s.account.id, `after-${n}`);
      await t.runJobs({ now: s.at(0.5) });
      expect(fresh.received).toHaveLength(11);
      expect(new Set(fresh.received.map((r) => r.headers['baton-event-id'])).size).toBe(11);
      expect((await deliveryRows(sub.id)).every((d) => d.status === 'sent')).toBe(true);
    } finally {
      await gone.close();
      await fresh.close();
    }
  });

  it('sends the alerts still waiting to retry to the new address, with six fresh attempts', async () => {
    const s = await setUp();
    const down = await httpReceiver();
    const slack = await httpReceiver();
    try {
      down.answer(503);
      const sub = await subscribe(s.admin, { channel: 'webhook', target: down.url, secret: SECRET });
      await raise(s.ws, s.account.id, `queued-${n}`);
      await t.runJobs({ now: s.at() });
      const [waiting] = await deliveryRows(sub.id);
      expect(waiting).toMatchObject({ status: 'failed', attempts: 1 });

      await change(s.admin, sub.id, { channel: 'slack', target: `${slack.url}/services/T/B/moved` });
      expect((await deliveryRows(sub.id))[0]).toMatchObject({ status: 'pending', attempts: 0, next_attempt_at: null });
      // Due at once: the next pass (well before the old retry time) sends it to Slack, not to the old webhook.
      await t.runJobs({ now: s.at(0.5) });
      expect(down.received).toHaveLength(1);
      expect(slack.received.map((r) => r.url)).toEqual(['/services/T/B/moved']);
      expect((await deliveryRows(sub.id))[0]).toMatchObject({ id: waiting!.id, status: 'sent', attempts: 1 });
    } finally {
      await down.close();
      await slack.close();
    }
  });

  it('lets a member move their own alert, and no one else’s', async () => {
    const s = await setUp();
    const ana = await t.login((await t.user(s.ws, 'csm')).email);
    const bo = await t.login((await t.user(s.ws, 'sales')).email);
    const own = (
      await ana.request({
        method: 'POST',
        url: '/api/v1/alerts/my-subscriptions',
        payload: { channel: 'email', target: 'ana@acme.example' },
      })
    ).json() as Sub;
    const mine = (c: Client, payload: object) =>
      c.request({ method: 'PATCH', url: `/api/v1/alerts/my-subscriptions/${own.id}`, payload });
    expect((await mine(bo, { target: 'bo@acme.example' })).statusCode).toBe(404);
    const bad = await mine(ana, { channel: 'webhook', target: 'https://ana.example/in' });
    expect(fields(bad)).toEqual(['body.secret']);
    const res = await mine(ana, { channel: 'webhook', target: 'https://ana.example/in', secret: SECRET });
    expect(res.json()).toMatchObject({ channel: 'webhook', target: 'https://ana.example/in', hasSecret: true });
  });
});
