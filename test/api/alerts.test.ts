import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseSignal } from '../../src/modules/signals/index.ts';
import { buildAccount, raiseLateForecast } from '../helpers/fixtures/index.ts';
import { httpReceiver, smtpReceiver } from '../helpers/receivers.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The server's and the job runner's clock. */
const NOW = new Date('2026-03-15T12:00:00.000Z');
const SECRET = 'whsec_0123456789abcdef';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
let n = 0;

beforeAll(async () => {
  smtp = await smtpReceiver();
  t = await createTestApp(
    { BATON_SMTP_URL: smtp.url, BATON_SMTP_FROM: 'alerts@baton.example', BATON_PUBLIC_URL: 'https://baton.example' },
    { now: () => NOW },
  );
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function setUp() {
  const ws = await t.workspace(`alerts-${++n}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const csm = await t.login((await t.user(ws, 'csm')).email);
  const account = await buildAccount(t.ctx.db, ws, { name: `Northwind ${n}` });
  // The job runner's clock for this test: hours apart from every other test's, so each has its own delivery passes.
  const at = (minutes = 0) => new Date(NOW.getTime() + n * 7 * 3_600_000 + minutes * 60_000);
  return { ws, admin, csm, account, at };
}

const subscribe = (c: Client, payload: object) =>
  c.request({ method: 'POST', url: '/api/v1/alerts/subscriptions', payload });
const fields = (res: { json(): { errors?: Array<{ field: string }> } }) =>
  (res.json().errors ?? []).map((e) => e.field).sort();

/** Opens a signal on the account, as a rule would, in its own transaction. */
const raise = (ws: string, accountId: string, subject: string, severity: 'warning' | 'severe' = 'severe') =>
  raiseLateForecast(t.ctx.db, ws, accountId, subject, severity);

/** Verifies a Baton-Signature header the way a receiver would, written apart from Baton's own code. */
function verify(header: string, body: string, secret: string): { ok: boolean; t: number } {
  const parts = new Map(header.split(',').map((p) => p.split('=') as [string, string]));
  const ts = Number(parts.get('t'));
  const expected = createHmac('sha256', secret).update(`${ts}.${body}`).digest();
  const given = Buffer.from(parts.get('v1') ?? '', 'hex');
  return { ok: given.length === expected.length && timingSafeEqual(given, expected), t: ts };
}

const deliveries = async (c: Client, status?: string) =>
  (await c.request({ method: 'GET', url: `/api/v1/alerts/deliveries${status ? `?status=${status}` : ''}` })).json()
    .items as Array<{ id: string; status: string; attempts: number; lastError: string | null; lastStatus: number }>;

describe('alert subscriptions', () => {
  it('refuses bad input naming the field, and writes nothing', async () => {
    const s = await setUp();
    const cases: Array<[object, string[]]> = [
      [{ channel: 'webhook', target: 'not a url', secret: SECRET }, ['body.target']],
      [{ channel: 'email', target: 'nobody' }, ['body.target']],
      [{ channel: 'webhook', target: 'https://hooks.example/x' }, ['body.secret']],
      [{ channel: 'slack', target: 'ftp://hooks.slack.com/x' }, ['body.target']],
      [{ channel: 'email', target: 'a@b.example', stages: ['nowhere'] }, ['body.stages.0']],
      [{ channel: 'email', target: 'a@b.example', minSeverity: 'dire' }, ['body.minSeverity']],
      [
        { channel: 'email', target: 'a@b.example', quietHours: { startHour: 22, endHour: 7, timeZone: 'Mars/Base' } },
        ['body.quietHours.timeZone'],
      ],
      [{ channel: 'pager', target: 'a@b.example' }, ['body.channel']],
    ];
    for (const [payload, expected] of cases) {
      const res = await subscribe(s.admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fields(res), JSON.stringify(payload)).toEqual(expected);
    }
    const list = await s.admin.request({ method: 'GET', url: '/api/v1/alerts/subscriptions' });
    expect(list.json().items).toEqual([]);
  });

  it('lets an admin add, change and remove subscriptions; secrets are never shown; others may not write', async () => {
    const s = await setUp();
    const res = await subscribe(s.admin, {
      channel: 'webhook',
      target: 'https://hooks.example/baton',
      secret: SECRET,
      stages: ['time_to_value', 'renewal'],
      minSeverity: 'severe',
    });
    expect(res.statusCode).toBe(201);
    const sub = res.json();
    expect(sub).toMatchObject({ channel: 'webhook', hasSecret: true, enabled: true, mode: 'immediate' });
    expect(JSON.stringify(sub)).not.toContain(SECRET);
    const slack = (
      await subscribe(s.admin, { channel: 'slack', target: 'https://hooks.slack.com/services/T0/B0/abcd1234' })
    ).json();
    expect(slack.target).toBe('https://hooks.slack.com/…1234');
    const stored = await t.ctx.db.selectFrom('alert_subscriptions').select('secret').where('id', '=', sub.id).execute();
    expect(stored[0]?.secret).toMatch(/^sealed:v1:/);

    expect((await subscribe(s.csm, { channel: 'email', target: 'cs@acme.example' })).statusCode).toBe(403);
    const patched = await s.admin.request({
      method: 'PATCH',
      url: `/api/v1/alerts/subscriptions/${sub.id}`,
      payload: { enabled: false, quietHours: { startHour: 22, endHour: 7, timeZone: 'Europe/Paris' } },
    });
    expect(patched.json()).toMatchObject({ enabled: false, quietHours: { startHour: 22, endHour: 7 } });
    const del = await s.admin.request({ method: 'DELETE', url: `/api/v1/alerts/subscriptions/${sub.id}` });
    expect(del.statusCode).toBe(204);
    const list = (await s.admin.request({ method: 'GET', url: '/api/v1/alerts/subscriptions' })).json().items;
    expect(list.map((x: { id: string }) => x.id)).toEqual([slack.id]);
  });
});

describe('alerts from signals', () => {
  it('queues a delivery job per raising transaction: a signal raised alone waits for no minute', async () => {
    const s = await setUp();
    await subscribe(s.admin, { channel: 'email', target: 'cs@acme.example' });
    const jobs = async () =>
      (
        await t.ctx.db
          .selectFrom('jobs')
          .select('id')
          .where('type', '=', 'alerts.deliver')
          .where('workspace_id', '=', s.ws)
          .execute()
      ).length;
    // Two signals, each raised on its own within the same minute: a job each.
    await raise(s.ws, s.account.id, `alone-1-${n}`);
    await raise(s.ws, s.account.id, `alone-2-${n}`);
    expect(await jobs()).toBe(2);
    // Three raised by one rule in one transaction: one job sends them all.
    await t.ctx.db.transaction().execute(async (trx) => {
      for (const k of [1, 2, 3])
        await raiseSignal(trx, {
          workspaceId: s.ws,
          kind: 'ttv.forecast_late',
          accountId: s.account.id,
          severity: 'severe',
          subjectType: 'project',
          subjectId: `together-${k}-${n}`,
          title: 'Go-live forecast is past the promise',
          evidence: { promisedGoLive: '2026-03-01', forecastGoLive: '2026-03-20', slipDays: 19 },
        });
    });
    expect(await jobs()).toBe(3);
    // Sent now, so that no later test's pass meets them.
    expect(await t.runJobs({ now: s.at() })).toEqual([]);
  });

  it('sends a signed webhook, a Slack message and an email when a severe signal opens, each once', async () => {
    const s = await setUp();
    const hook = await httpReceiver();
    const slack = await httpReceiver();
    try {
      await subscribe(s.admin, { channel: 'webhook', target: `${hook.url}/baton`, secret: SECRET });
      await subscribe(s.admin, { channel: 'slack', target: `${slack.url}/services/T0/B0/tok3n` });
      await subscribe(s.admin, { channel: 'email', target: `cs-${n}@acme.example`, stages: ['time_to_value'] });
      await subscribe(s.admin, { channel: 'email', target: `renewals-${n}@acme.example`, stages: ['renewal'] });
      const signal = await raise(s.ws, s.account.id, `p-${n}`);
      await raise(s.ws, s.account.id, `p-${n}`); // refreshed, not raised again: no second alert
      const mailsBefore = smtp.mails.length;
      expect(await t.runJobs({ now: s.at() })).toEqual([]);

      expect(hook.received).toHaveLength(1);
      const got = hook.received[0]!;
      const v = verify(String(got.headers['baton-signature']), got.body, SECRET);
      expect(v).toEqual({ ok: true, t: Math.floor(s.at().getTime() / 1000) });
      expect(verify(String(got.headers['baton-signature']), got.body, 'another-secret-000').ok).toBe(false);
      const body = JSON.parse(got.body);
      expect(got.headers['baton-event-id']).toBe(body.id);
      expect(body).toMatchObject({
        type: 'signal.raised',
        workspace: `alerts-${n}`,
        data: {
          title: 'Go-live forecast is past the promise',
          severity: 'severe',
          stage: 'time_to_value',
          account: { id: s.account.id, name: s.account.name },
          signal: { id: signal.id, kind: 'ttv.forecast_late' },
          link: `https://baton.example/accounts/${s.account.id}`,
        },
      });

      expect(slack.received).toHaveLength(1);
      expect(slack.received[0]!.url).toBe('/services/T0/B0/tok3n');
      const message = JSON.parse(slack.received[0]!.body);
      expect(message.text).toContain(s.account.name);
      expect(JSON.stringify(message.blocks)).toContain(signal.explanation.slice(0, 30));

      const mails = smtp.mails.slice(mailsBefore);
      expect(mails.map((m) => m.to)).toEqual([[`cs-${n}@acme.example`]]);
      expect(mails[0]).toMatchObject({ from: 'alerts@baton.example', user: 'baton' });
      expect(mails[0]!.raw).toContain('Subject: [Baton] Northwind');
      expect(mails[0]!.raw).toContain('text/html');

      const log = await deliveries(s.admin);
      expect(log.map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
      expect(await t.runJobs({ now: s.at(2) })).toEqual([]);
      expect(hook.received).toHaveLength(1);
    } finally {
      await hook.close();
      await slack.close();
    }
  });

  it('alerts again when the signal’s severity rises, not when it stays below a subscription’s minimum', async () => {
    const s = await setUp();
    const hook = await httpReceiver();
    try {
      await subscribe(s.admin, { channel: 'webhook', target: hook.url, secret: SECRET, minSeverity: 'warning' });
      await subscribe(s.admin, {
        channel: 'webhook',
        target: `${hook.url}/severe`,
        secret: SECRET,
        minSeverity: 'severe',
      });
      await raise(s.ws, s.account.id, `rise-${n}`, 'warning');
      await t.runJobs({ now: s.at() });
      await raise(s.ws, s.account.id, `rise-${n}`, 'severe');
      await t.runJobs({ now: s.at(1) });
      const seen = hook.received.map((r) => `${r.url} ${JSON.parse(r.body).data.severity}`);
      expect(seen).toEqual(['/ warning', '/ severe', '/severe severe']);
    } finally {
      await hook.close();
    }
  });
});

describe('failing channels', () => {
  it('retries a failing receiver with backoff, then dead; a replay sends the same body, newly signed', async () => {
    const s = await setUp();
    const hook = await httpReceiver();
    try {
      hook.answer(500);
      await subscribe(s.admin, { channel: 'webhook', target: hook.url, secret: SECRET });
      await raise(s.ws, s.account.id, `dead-${n}`);
      let clock = s.at();
      const waits: number[] = [];
      for (let i = 0; i < 6; i++) {
        await t.runJobs({ now: clock });
        const [d] = await deliveries(s.admin);
        expect(d!.attempts).toBe(i + 1);
        if (d!.status === 'dead') break;
        expect(d).toMatchObject({ status: 'failed', lastStatus: 500 });
        const row = await t.ctx.db
          .selectFrom('alert_deliveries')
          .select('next_attempt_at')
          .where('id', '=', d!.id)
          .executeTakeFirstOrThrow();
        const next = new Date(row.next_attempt_at!);
        waits.push((next.getTime() - clock.getTime()) / 60_000);
        // Not sent before its time: a pass a second early finds nothing due.
        await t.runJobs({ now: new Date(next.getTime() - 1000) });
        clock = next;
      }
      expect(waits).toEqual([1, 4, 16, 64, 256]);
      expect(hook.received).toHaveLength(6);
      const [dead] = await deliveries(s.admin, 'dead');
      expect(dead).toMatchObject({ attempts: 6, lastError: 'down for maintenance' });

      hook.answer(200);
      const replayed = await s.admin.request({ method: 'POST', url: `/api/v1/alerts/deliveries/${dead!.id}/replay` });
      expect(replayed.statusCode).toBe(200);
      expect(replayed.json()).toMatchObject({ status: 'sent', attempts: 7 });
      expect(hook.received).toHaveLength(7);
      expect(hook.received[6]!.body).toBe(hook.received[0]!.body);
      expect(verify(String(hook.received[6]!.headers['baton-signature']), hook.received[6]!.body, SECRET).ok).toBe(
        true,
      );
    } finally {
      await hook.close();
    }
  });

  it('loses no alert while a channel is down: it is sent once the channel is back', async () => {
    const s = await setUp();
    const hook = await httpReceiver();
    try {
      hook.answer(503);
      await subscribe(s.admin, { channel: 'webhook', target: hook.url, secret: SECRET });
      await raise(s.ws, s.account.id, `down-${n}`);
      await t.runJobs({ now: s.at() });
      expect((await deliveries(s.admin))[0]).toMatchObject({ status: 'failed', attempts: 1 });
      hook.answer(204);
      await t.runJobs({ now: s.at(1) });
      expect((await deliveries(s.admin))[0]).toMatchObject({ status: 'sent', attempts: 2 });
      expect(new Set(hook.received.map((r) => r.headers['baton-event-id'])).size).toBe(1);
    } finally {
      await hook.close();
    }
  });

  it('disables a webhook that failed ten times in a row, saying why', async () => {
    const s = await setUp();
    const hook = await httpReceiver();
    try {
      hook.answer(410, 'gone');
      const sub = (await subscribe(s.admin, { channel: 'webhook', target: hook.url, secret: SECRET })).json();
      for (let i = 0; i < 11; i++) await raise(s.ws, s.account.id, `many-${n}-${i}`);
      await t.runJobs({ now: s.at() });
      expect(hook.received).toHaveLength(10);
      const [after] = (await s.admin.request({ method: 'GET', url: '/api/v1/alerts/subscriptions' })).json().items;
      expect(after).toMatchObject({ id: sub.id, enabled: false, consecutiveFailures: 10 });
      expect(after.disabledReason).toContain('10 deliveries failed in a row');
      expect(after.disabledReason).toContain('gone');
      const dead = await deliveries(s.admin, 'dead');
      expect(dead).toHaveLength(1);
      expect(dead[0]!.lastError).toContain('the subscription is disabled');
    } finally {
      await hook.close();
    }
  });
});

describe('the test alert', () => {
  it('sends a test through every enabled channel and answers what each said', async () => {
    const s = await setUp();
    const hook = await httpReceiver();
    const slack = await httpReceiver();
    try {
      slack.answer(404, 'no_service');
      await subscribe(s.admin, { channel: 'webhook', target: hook.url, secret: SECRET });
      await subscribe(s.admin, { channel: 'slack', target: `${slack.url}/services/T/B/x` });
      await subscribe(s.admin, { channel: 'email', target: `ops-${n}@acme.example` });
      await subscribe(s.admin, { channel: 'email', target: `off-${n}@acme.example`, enabled: false });
      const res = await s.admin.request({ method: 'POST', url: '/api/v1/alerts/test' });
      expect(res.statusCode).toBe(200);
      const answers = res.json().items as Array<{ channel: string; ok: boolean; status: number; answer: string }>;
      expect(answers.map((a) => [a.channel, a.ok, a.status])).toEqual([
        ['webhook', true, 200],
        ['slack', false, 404],
        ['email', true, 250],
      ]);
      expect(answers[1]!.answer).toBe('no_service');
      expect(JSON.parse(hook.received[0]!.body).type).toBe('alert.test');
    } finally {
      await hook.close();
      await slack.close();
    }
  });
});

describe('the daily digest', () => {
  it('sends one message a day to a digest subscription, with the new severe signals, and nothing at once', async () => {
    const s = await setUp();
    const hook = await httpReceiver();
    try {
      await subscribe(s.admin, { channel: 'webhook', target: hook.url, secret: SECRET, mode: 'daily_digest' });
      const signal = await raise(s.ws, s.account.id, `digest-${n}`);
      // The digest's day follows the signal's own time (signals record when they were raised): an hour after it,
      // kept clear of midnight so that the run a minute later falls on the same day.
      let day = new Date(Date.parse(signal.firstSeenAt) + 3_600_000);
      if (day.getUTCHours() === 23 && day.getUTCMinutes() >= 58) day = new Date(day.getTime() - 180_000);
      await t.runJobs({ now: day });
      await t.runJobs({ now: new Date(day.getTime() + 60_000) });
      expect(hook.received).toHaveLength(1);
      const body = JSON.parse(hook.received[0]!.body);
      expect(body.type).toBe('alert.digest');
      expect(body.data.title).toBe(`Baton daily digest for ${day.toISOString().slice(0, 10)}`);
      expect(body.data.explanation).toContain(`${s.account.name}: Go-live forecast is past the promise`);
      expect(body.data.explanation).toContain('1 new severe signals');
    } finally {
      await hook.close();
    }
  });
});
