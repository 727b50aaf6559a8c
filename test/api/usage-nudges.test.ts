import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateNudges } from '../../src/modules/usage/nudges/nudge-evaluate.service.ts';
import { parseSmtpUrl } from '../../src/platform/config/config.ts';
import { buildAccount, buildMilestone, buildProject, buildUsageEvent } from '../helpers/fixtures/index.ts';
import { smtpReceiver } from '../helpers/receivers.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The server's clock: the milestone below was due on 2026-03-11, nine days before. */
const NOW = new Date('2026-03-20T09:00:00.000Z');

let t: TestApp;
let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
let n = 0;

beforeAll(async () => {
  smtp = await smtpReceiver();
  t = await createTestApp({ BATON_SMTP_URL: smtp.url, BATON_SMTP_FROM: 'success@vendor.example' }, { now: () => NOW });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/**
 * A workspace with an onboarding account (kicked off 2026-03-01, milestone "First report published" awaiting
 * `Report Published` by day 10) and its product users: ann and bob with emails, cy without, dee who already did it.
 */
async function setUp() {
  const ws = await t.workspace(`nudges-${++n}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const account = await buildAccount(t.ctx.db, ws, { name: `Acme ${n}` });
  const project = await buildProject(t.ctx.db, ws, { account_id: account.id, kickoff_on: '2026-03-01' });
  const milestone = await buildMilestone(t.ctx.db, project, {
    name: 'First report published',
    completion_event: 'Report Published',
    target_day: 10,
  });
  const users = { ann: 'ann.lee@acme.example', bob: 'bob@acme.example', cy: null, dee: 'dee@acme.example' };
  for (const [userId, email] of Object.entries(users)) {
    await t.ctx.db
      .insertInto('usage_users')
      .values({
        workspace_id: ws,
        user_id: userId,
        group_id: account.id,
        account_id: account.id,
        updated_at: NOW.toISOString(),
      })
      .execute();
    if (email)
      await t.ctx.db
        .insertInto('usage_user_traits')
        .values({ workspace_id: ws, user_id: userId, email, updated_at: NOW.toISOString() })
        .execute();
  }
  await buildUsageEvent(t.ctx.db, ws, {
    account_id: account.id,
    group_id: account.id,
    user_id: 'dee',
    event: 'Report Published',
    occurred_at: '2026-03-12T10:00:00.000Z',
  });
  return { ws, admin, account, milestone };
}

const rule = (c: Client, payload: object) => c.request({ method: 'POST', url: '/api/v1/usage/nudges/rules', payload });
const evaluate = (c: Client) => c.request({ method: 'POST', url: '/api/v1/usage/nudges/evaluate' });
const nudges = async (c: Client) =>
  (await c.request({ method: 'GET', url: '/api/v1/usage/nudges' })).json().items as Array<{
    id: string;
    userId: string;
    status: string;
    attempts: number;
    lastError: string | null;
    subject: string;
    body: string;
  }>;
const emailRule = {
  name: 'First report overdue',
  milestoneEvent: 'Report Published',
  daysAfterDue: 3,
  channel: 'email',
  subject: '{{first_name}}, your first report',
  message: 'Hi {{first_name}},\n\n{{account}} is close to “{{milestone}}”: publish a report from the Reports page.',
};

describe('nudge rules', () => {
  it(
    'are added, changed, listed and removed by an admin; bad input names the ' + 'field; others may not write',
    async () => {
      const s = await setUp();
      const cases: Array<[object, string]> = [
        [{ ...emailRule, channel: 'sms' }, 'body.channel'],
        [{ ...emailRule, daysAfterDue: -1 }, 'body.daysAfterDue'],
        [{ ...emailRule, message: 'Hi {{last_name}}' }, 'body.message'],
        [{ ...emailRule, subject: '' }, 'body.subject'],
      ];
      for (const [payload, field] of cases) {
        const res = await rule(s.admin, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
      const csm = await t.login((await t.user(s.ws, 'csm')).email);
      expect((await rule(csm, emailRule)).statusCode).toBe(403);

      const created = await rule(s.admin, emailRule);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ name: 'First report overdue', enabled: true, daysAfterDue: 3 });
      const id = created.json().id;
      const put = await s.admin.request({
        method: 'PUT',
        url: `/api/v1/usage/nudges/rules/${id}`,
        payload: { enabled: false, milestoneEvent: null },
      });
      expect(put.json()).toMatchObject({ enabled: false, milestoneEvent: null, channel: 'email' });
      const badPut = await s.admin.request({
        method: 'PUT',
        url: `/api/v1/usage/nudges/rules/${id}`,
        payload: { subject: '{{nope}}' },
      });
      expect(badPut.json().errors[0].field).toBe('body.subject');
      const list = await csm.request({ method: 'GET', url: '/api/v1/usage/nudges/rules' });
      expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([id]);
      expect((await s.admin.request({ method: 'DELETE', url: `/api/v1/usage/nudges/rules/${id}` })).statusCode).toBe(
        204,
      );
      expect((await s.admin.request({ method: 'DELETE', url: `/api/v1/usage/nudges/rules/${id}` })).statusCode).toBe(
        404,
      );
    },
  );
});

describe('email nudges', () => {
  it('reach each overdue user once, by SMTP, with the message filled in; a user without email is skipped', async () => {
    const s = await setUp();
    await rule(s.admin, emailRule);
    const before = smtp.mails.length;
    const first = await evaluate(s.admin);
    expect(first.json()).toEqual({ eligible: 3, nudged: 2, skippedNoEmail: 1, sent: 2, failed: 0 });
    // A rerun nudges no one twice; cy is still skipped until an identify call gives an email.
    const again = await evaluate(s.admin);
    expect(again.json()).toEqual({ eligible: 0, nudged: 0, skippedNoEmail: 1, sent: 0, failed: 0 });
    const made = await nudges(s.admin);
    expect(made.map((x) => [x.userId, x.status]).sort()).toEqual([
      ['ann', 'sent'],
      ['bob', 'sent'],
    ]);
    const mails = smtp.mails.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['ann.lee@acme.example', 'bob@acme.example']);
    const ann = mails.find((m) => m.to[0] === 'ann.lee@acme.example')!;
    expect(ann.from).toBe('success@vendor.example');
    expect(ann.raw).toContain('Subject: Ann, your first report');
    expect(ann.raw).toContain(`Acme ${n} is close to`);
    expect(ann.raw).toContain('First report published');
  });

  it('a send that fails stays failed with the reason and is sent by the next run', async () => {
    const s = await setUp();
    await rule(s.admin, emailRule);
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = { smtp: parseSmtpUrl(`smtp://baton:mail-secret@127.0.0.1:${port}`), smtpFrom: 'x@vendor.example' };
    const failed = await evaluateNudges(t.ctx.db, s.ws, { config: down, now: NOW });
    expect(failed).toMatchObject({ nudged: 2, sent: 0, failed: 2 });
    const kept = await nudges(s.admin);
    expect(kept.map((x) => x.status)).toEqual(['failed', 'failed']);
    expect(kept[0]!.lastError).toMatch(/not sent|ECONNREFUSED/);
    expect(kept[0]!.attempts).toBe(1);

    const before = smtp.mails.length;
    expect((await evaluate(s.admin)).json()).toMatchObject({ nudged: 0, sent: 2, failed: 0 });
    const after = await nudges(s.admin);
    expect(after.map((x) => [x.status, x.attempts, x.lastError])).toEqual([
      ['sent', 2, null],
      ['sent', 2, null],
    ]);
    expect(smtp.mails.length - before).toBe(2);
  });
});

describe('in-app nudges', () => {
  const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

  it('the script is served to any origin as JavaScript', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/embed/nudges.js',
      headers: { origin: 'https://app.acme.example' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body).toContain('window.BatonNudges');
    expect(res.body).toContain("getAttribute('data-key')");
  });

  it(
    'are read by the ingest key and user id, marked seen and dismissed; a wrong ' + 'key or workspace sees nothing',
    async () => {
      const s = await setUp();
      await rule(s.admin, { ...emailRule, channel: 'in_app', subject: 'Publish your first report' });
      expect((await evaluate(s.admin)).json()).toMatchObject({ nudged: 3, skippedNoEmail: 0, sent: 0 });
      const key = await t.apiKey(s.ws, 'ingest');
      const get = (userId: string, k = key) =>
        t.inject({ method: 'GET', url: `/embed/v1/nudges?userId=${userId}`, headers: { authorization: basic(k) } });

      const res = await get('cy');
      expect(res.statusCode).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      const items = res.json().items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ subject: 'Publish your first report' });
      expect(items[0].body).toContain('Hi there,');
      expect((await get('dee')).json().items).toEqual([]);

      expect((await get('cy', 'bk_not-a-key')).statusCode).toBe(401);
      expect((await t.inject({ method: 'GET', url: '/embed/v1/nudges?userId=cy' })).statusCode).toBe(401);
      const other = await t.workspace(`nudges-other-${n}`);
      const otherKey = await t.apiKey(other, 'ingest');
      expect((await get('cy', otherKey)).json().items).toEqual([]);
      const foreign = await t.inject({
        method: 'POST',
        url: `/embed/v1/nudges/${items[0].id}/dismiss?userId=cy`,
        headers: { authorization: basic(otherKey) },
      });
      expect(foreign.statusCode).toBe(404);
      const preflight = await t.inject({ method: 'OPTIONS', url: `/embed/v1/nudges/${items[0].id}/seen` });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-headers']).toContain('authorization');

      const seen = await t.inject({
        method: 'POST',
        url: `/embed/v1/nudges/${items[0].id}/seen?userId=cy`,
        headers: { authorization: basic(key) },
      });
      expect(seen.json()).toEqual({ id: items[0].id, status: 'shown' });
      expect((await get('cy')).json().items).toHaveLength(1);
      const dismissed = await t.inject({
        method: 'POST',
        url: `/embed/v1/nudges/${items[0].id}/dismiss?userId=cy`,
        headers: { authorization: basic(key) },
      });
      expect(dismissed.json()).toEqual({ id: items[0].id, status: 'dismissed' });
      expect((await get('cy')).json().items).toEqual([]);
      expect((await nudges(s.admin)).find((x) => x.userId === 'cy')?.status).toBe('dismissed');
    },
  );
});

describe('nudge effect', () => {
  it(
    'compares completion after the nudge with users eligible and not nudged, ' + 'and says it is observational',
    async () => {
      const s = await setUp();
      await rule(s.admin, emailRule);
      await evaluate(s.admin);
      // ann publishes two days after her nudge; bob does not; cy (no email, not nudged) publishes too.
      for (const user of ['ann', 'cy'])
        await buildUsageEvent(t.ctx.db, s.ws, {
          account_id: s.account.id,
          group_id: s.account.id,
          user_id: user,
          event: 'Report Published',
          occurred_at: '2026-03-22T09:00:00.000Z',
        });
      const bad = await s.admin.request({
        method: 'GET',
        url: '/api/v1/usage/nudges/effect?from=2026-03-31&to=2026-03-01',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('querystring.to');
      const res = await s.admin.request({
        method: 'GET',
        url: '/api/v1/usage/nudges/effect?from=2026-03-01&to=2026-03-31',
      });
      expect(res.statusCode).toBe(200);
      const [row] = res.json().items;
      expect(row).toMatchObject({
        ruleName: 'First report overdue',
        nudged: 2,
        nudgedCompleted: 1,
        nudgedRate: 0.5,
        medianDaysToComplete: 2,
        notNudged: 1,
        notNudgedCompleted: 1,
        notNudgedRate: 1,
        differencePoints: -50,
      });
      expect(row.sentence).toContain('observational comparison');
    },
  );
});
