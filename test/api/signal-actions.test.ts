import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildContact, buildSurvey } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The server's clock: a test moves it forward to see a snooze end; no test reads the machine's. */
const D = '2026-11-20';
const START = new Date(`${D}T12:00:00.000Z`);
let now = START;
const ago = (days: number) => new Date(START.getTime() - days * 86_400_000).toISOString();
const day = (offset: number) => new Date(START.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { now: () => now });
});
afterAll(async () => t?.close());

type History = { action: string; by: string | null; sentence: string; note: string | null };
type Sig = { id: string; kind: string; attention: string; snoozedUntil: string | null; history: History[] };

/** A workspace of its own whose champion answered NPS 3: the relationship rules raise one detractor signal. */
async function detractorWorkspace(slug: string) {
  now = START;
  const id = await t.workspace(slug);
  const users = {
    admin: await t.user(id, 'admin', { email: `admin@${slug}.test` }),
    csm: await t.user(id, 'csm', { email: `csm@${slug}.test` }),
    viewer: await t.user(id, 'viewer', { email: `viewer@${slug}.test` }),
    support: await t.user(id, 'support', { email: `support@${slug}.test` }),
  };
  await t.ctx.db.updateTable('users').set({ name: 'Ana Ruiz' }).where('id', '=', users.csm.userId).execute();
  const c = {
    admin: await t.login(users.admin.email),
    csm: await t.login(users.csm.email),
    viewer: await t.login(users.viewer.email),
    support: await t.login(users.support.email),
  };
  const account = await buildAccount(t.ctx.db, id, { name: `${slug} Ltd` });
  const champion = await buildContact(t.ctx.db, id, account.id, {
    name: 'Priya Nair',
    role: 'champion',
    last_touch_at: ago(3),
  });
  await buildSurvey(t.ctx.db, id, account.id, { contact_id: champion.id, score: 3, responded_at: ago(10) });
  const evaluated = await evaluate(c.admin, D);
  expect(evaluated.raised).toEqual({ 'renewal.detractor': 1 });
  const [signal] = await list(c.viewer, account.id, '');
  if (!signal) throw new Error('no signal raised');
  return { id, c, users, account, champion, signalId: signal.id };
}

async function evaluate(c: Client, asOf: string) {
  const res = await c.request({ method: 'POST', url: '/api/v1/relationship/signals/evaluate', payload: { asOf } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { raised: Record<string, number>; resolved: Record<string, number> };
}

async function list(c: Client, accountId: string, attention: string): Promise<Sig[]> {
  const q = attention ? `&attention=${attention}` : '';
  const res = await c.request({ method: 'GET', url: `/api/v1/signals?accountId=${accountId}${q}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Sig[];
}

const read = async (c: Client, id: string): Promise<Sig> => {
  const res = await c.request({ method: 'GET', url: `/api/v1/signals/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Sig;
};

const act = (c: Client, id: string, action: string, payload: object = {}) =>
  c.request({ method: 'POST', url: `/api/v1/signals/${id}/${action}`, payload });

const auditOf = (workspaceId: string, signalId: string) =>
  t.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'actor_label', 'after_json'])
    .where('workspace_id', '=', workspaceId)
    .where('entity_type', '=', 'signal')
    .where('entity_id', '=', signalId)
    .orderBy('at')
    .execute();

describe('acting on a signal', () => {
  it('lets those who work accounts acknowledge, and support and viewers only read', async () => {
    const w = await detractorWorkspace('sig-ack');
    for (const who of [w.c.viewer, w.c.support]) {
      expect((await act(who, w.signalId, 'acknowledge')).statusCode).toBe(403);
    }
    const res = await act(w.c.csm, w.signalId, 'acknowledge', { note: 'Calling Priya on Monday' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ attention: 'acknowledged', snoozedUntil: null });
    expect(res.json().history.map((h: History) => h.sentence)).toEqual([
      'Acknowledged by Ana Ruiz on 20 Nov 2026: ‘Calling Priya on Monday’',
    ]);
    expect((await list(w.c.viewer, w.account.id, 'active')).map((s) => s.id)).toEqual([w.signalId]);
    expect(await list(w.c.viewer, w.account.id, 'new')).toEqual([]);
    expect((await list(w.c.viewer, w.account.id, 'acknowledged')).map((s) => s.attention)).toEqual(['acknowledged']);
    expect(await auditOf(w.id, w.signalId)).toEqual([
      {
        action: 'signal.acknowledge',
        actor_label: w.users.csm.email,
        after_json: JSON.stringify({
          attention: 'acknowledged',
          note: 'Calling Priya on Monday',
          reason: null,
          until: null,
        }),
      },
    ]);
    // Acknowledging twice says so; reopening makes it new again.
    expect((await act(w.c.csm, w.signalId, 'acknowledge')).statusCode).toBe(409);
    const reopened = await act(w.c.admin, w.signalId, 'reopen');
    expect(reopened.json().attention).toBe('new');
    expect((await read(w.c.viewer, w.signalId)).history.map((h) => h.action)).toEqual(['acknowledge', 'reopen']);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const w = await detractorWorkspace('sig-bad');
    const cases: Array<[string, object, string]> = [
      ['snooze', { until: D }, 'body.until'],
      ['snooze', { until: day(-3) }, 'body.until'],
      ['snooze', { until: '2026-02-30' }, 'body.until'],
      ['snooze', {}, 'body.until'],
      ['dismiss', { reason: 'bored' }, 'body.reason'],
      ['dismiss', { reason: 'other' }, 'body.note'],
      ['dismiss', { reason: 'other', note: '   ' }, 'body.note'],
      ['acknowledge', { note: 'x'.repeat(2001) }, 'body.note'],
    ];
    for (const [action, body, field] of cases) {
      const res = await act(w.c.csm, w.signalId, action, body);
      expect(res.statusCode, `${action} ${JSON.stringify(body)} → ${res.body}`).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await read(w.c.viewer, w.signalId)).toMatchObject({ attention: 'new', history: [] });
    expect(await auditOf(w.id, w.signalId)).toEqual([]);
    // Another workspace's signal is not there to act on.
    const other = await detractorWorkspace('sig-bad-other');
    expect((await act(w.c.admin, other.signalId, 'acknowledge')).statusCode).toBe(404);
    expect((await w.c.admin.request({ method: 'GET', url: `/api/v1/signals/${other.signalId}` })).statusCode).toBe(404);
  });

  it('keeps a dismissed signal dismissed on the same evidence, and brings it back when it changes', async () => {
    const w = await detractorWorkspace('sig-dismiss');
    const res = await act(w.c.csm, w.signalId, 'dismiss', {
      reason: 'false_positive',
      note: 'Priya answered for a pilot',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().history[0].sentence).toBe(
      'Dismissed by Ana Ruiz on 20 Nov 2026: false positive — ‘Priya answered for a pilot’',
    );
    expect((await auditOf(w.id, w.signalId)).map((a) => a.action)).toEqual(['signal.dismiss']);

    // The rule runs again, a day later too: the same evidence, so it stays dismissed and out of work lists.
    now = new Date(`${day(1)}T12:00:00.000Z`);
    expect((await evaluate(w.c.admin, day(1))).raised).toEqual({ 'renewal.detractor': 1 });
    expect((await read(w.c.viewer, w.signalId)).attention).toBe('dismissed');
    expect(await list(w.c.viewer, w.account.id, 'active')).toEqual([]);
    expect((await list(w.c.viewer, w.account.id, 'dismissed')).map((s) => s.id)).toEqual([w.signalId]);

    // Priya answers again, worse: the evidence changed, the signal is new again and says why.
    await buildSurvey(t.ctx.db, w.id, w.account.id, { contact_id: w.champion.id, score: 1, responded_at: ago(-1) });
    now = new Date(`${day(2)}T12:00:00.000Z`);
    await evaluate(w.c.admin, day(2));
    const back = await read(w.c.viewer, w.signalId);
    expect(back.attention).toBe('new');
    expect(back.history.map((h) => h.action)).toEqual(['dismiss', 'returned']);
    // Rules raise and refresh signals at the moment they run (signal.service.ts), so the day is not asserted.
    expect(back.history[1]?.sentence).toMatch(/^Back as new on .+: its evidence changed since it was dismissed$/);
    expect((await list(w.c.viewer, w.account.id, 'active')).map((s) => s.id)).toEqual([w.signalId]);
  });

  it('raises a new occurrence after the rule resolved a dismissed signal and fires again', async () => {
    const w = await detractorWorkspace('sig-recur');
    expect((await act(w.c.csm, w.signalId, 'dismiss', { reason: 'handled_elsewhere' })).statusCode).toBe(200);
    // Priya becomes a promoter: the rule no longer holds and resolves the signal; acting on it is refused.
    await buildSurvey(t.ctx.db, w.id, w.account.id, { contact_id: w.champion.id, score: 9, responded_at: ago(2) });
    expect((await evaluate(w.c.admin, D)).resolved).toEqual({ 'renewal.detractor': 1 });
    expect((await act(w.c.csm, w.signalId, 'reopen')).statusCode).toBe(409);
    // Then a detractor again: a new occurrence, new, with no history.
    await buildSurvey(t.ctx.db, w.id, w.account.id, { contact_id: w.champion.id, score: 3, responded_at: ago(1) });
    await evaluate(w.c.admin, D);
    const [again] = await list(w.c.viewer, w.account.id, 'active');
    expect(again?.id).not.toBe(w.signalId);
    expect((await read(w.c.viewer, again?.id as string)).history).toEqual([]);
  });

  it('brings a snoozed signal back as new on its day, by the server’s clock', async () => {
    const w = await detractorWorkspace('sig-snooze');
    const res = await act(w.c.csm, w.signalId, 'snooze', { until: day(7), note: 'After their board meeting' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ attention: 'snoozed', snoozedUntil: day(7) });
    expect(res.json().history[0].sentence).toBe(
      'Snoozed by Ana Ruiz on 20 Nov 2026 until 27 Nov 2026: ‘After their board meeting’',
    );
    expect(await list(w.c.viewer, w.account.id, 'active')).toEqual([]);
    now = new Date(`${day(6)}T23:00:00.000Z`);
    expect((await list(w.c.viewer, w.account.id, 'snoozed')).map((s) => s.id)).toEqual([w.signalId]);
    now = new Date(`${day(7)}T08:00:00.000Z`);
    expect(await list(w.c.viewer, w.account.id, 'snoozed')).toEqual([]);
    expect((await list(w.c.viewer, w.account.id, 'new')).map((s) => [s.id, s.attention, s.snoozedUntil])).toEqual([
      [w.signalId, 'new', null],
    ]);
    // The list without a filter still shows every open signal, as before.
    expect(await list(w.c.viewer, w.account.id, '')).toHaveLength(1);
  });
});
