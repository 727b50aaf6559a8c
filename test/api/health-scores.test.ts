import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMatcher, applySubscriptionBatch } from '../../src/modules/revenue/index.ts';
import { buildAccount, buildContact, buildSubscription } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The server's clock, moved by each test step; never the machine's. */
const DAY_MS = 86_400_000;
const START = new Date('2026-11-20T06:00:00.000Z');
let now = START;
const at = (days: number) => new Date(START.getTime() + days * DAY_MS);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { now: () => now });
});
afterAll(async () => t?.close());

async function workspace(slug: string) {
  const id = await t.workspace(slug);
  return {
    id,
    admin: await t.login((await t.user(id, 'admin')).email),
    csm: await t.login((await t.user(id, 'csm')).email),
    viewer: await t.login((await t.user(id, 'viewer')).email),
  };
}

type Move = { dimension: string; change: number | null; sentence: string };
type ScoreView = {
  current: {
    score: number | null;
    band: string | null;
    scorecardVersion: number;
    components: { dimensions: Array<{ dimension: string; points: number | null }> };
  } | null;
  why: { sincePrevious: { since: string; moves: Move[] } | null; since30Days: { moves: Move[] } | null };
};

const scoreOf = async (c: Client, accountId: string) => {
  const res = await c.request({ method: 'GET', url: `/api/v1/health/accounts/${accountId}/score` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ScoreView;
};

/** Runs the due jobs on the server's clock; none may fail. */
const runJobs = async () => expect(await t.runJobs({ now })).toEqual([]);

const recompute = async (c: Client) => {
  const res = await c.request({ method: 'POST', url: '/api/v1/health/scores/recompute' });
  expect(res.statusCode, res.body).toBe(202);
  await runJobs();
};

describe('health scorecards', () => {
  it('shows the defaults, refuses bad scorecards naming the field, and lets only admins save', async () => {
    const w = await workspace('hs-cards');
    const read = await w.viewer.request({ method: 'GET', url: '/api/v1/health/scorecards' });
    expect(read.statusCode).toBe(200);
    const cards = read.json() as { version: number; segments: Record<string, any>; defaults: Record<string, any> };
    expect(cards.version).toBe(0);
    expect(cards.segments).toEqual(cards.defaults);
    expect(cards.segments.smb.measures.adoption_rate).toEqual({ weight: 2, bad: 20, good: 70 });

    const put = (c: Client, segments: unknown) =>
      c.request({ method: 'PUT', url: '/api/v1/health/scorecards', payload: { segments } });
    expect((await put(w.csm, cards.segments)).statusCode).toBe(403);

    const unordered = structuredClone(cards.segments);
    unordered.smb.measures.adoption_rate = { weight: 2, bad: 70, good: 20 };
    let res = await put(w.admin, unordered);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'body.segments.smb.measures.adoption_rate.good' }),
    ]);

    const negative = structuredClone(cards.segments);
    negative.enterprise.dimensions.delivery.weight = -1;
    res = await put(w.admin, negative);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.segments.enterprise.dimensions.delivery.weight');

    const weightless = structuredClone(cards.segments);
    for (const d of Object.values(weightless.mid_market.dimensions) as Array<{ weight: number }>) d.weight = 0;
    res = await put(w.admin, weightless);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.segments.mid_market.dimensions');

    const after = (await w.viewer.request({ method: 'GET', url: '/api/v1/health/scorecards' })).json();
    expect(after.version).toBe(0);
  });

  it('rescores every account with the new version when a scorecard is saved', async () => {
    now = at(0);
    const w = await workspace('hs-save');
    const account = await buildAccount(t.ctx.db, w.id, { name: 'Ferngate Dairy', segment: 'smb' });
    await buildSubscription(t.ctx.db, w.id, { account_id: account.id, start_date: '2026-01-01', arr_cents: 1_200_000 });
    await recompute(w.admin);
    const before = await scoreOf(w.viewer, account.id);
    // ARR unchanged over 90 days: 80 points between -20 % (bad) and +5 % (good)
    expect(before.current).toMatchObject({ score: 80, band: 'green', scorecardVersion: 0 });

    const cards = (await w.admin.request({ method: 'GET', url: '/api/v1/health/scorecards' })).json();
    // unchanged ARR is worth all the points once "good" asks for no more than that
    cards.segments.smb.measures.arr_change_90d = { weight: 2, bad: -20, good: 0 };
    now = at(1);
    const res = await w.admin.request({
      method: 'PUT',
      url: '/api/v1/health/scorecards',
      payload: { segments: cards.segments },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, jobId: expect.any(String) });
    await runJobs();
    const after = await scoreOf(w.viewer, account.id);
    expect(after.current).toMatchObject({ score: 100, band: 'green', scorecardVersion: 1 });
    expect(after.why.sincePrevious?.moves[0]?.sentence).toMatch(/^Commercial rose 20 points since 20 Nov/);
  });
});

describe('health scores', () => {
  it('rescores an account at once when a survey is recorded, says why, and keeps the history', async () => {
    now = at(0);
    const w = await workspace('hs-survey');
    const account = await buildAccount(t.ctx.db, w.id, { name: 'Holloway Freight', segment: 'smb' });
    const sponsor = await buildContact(t.ctx.db, w.id, account.id, {
      name: 'Ines Marr',
      role: 'executive_sponsor',
      last_touch_at: new Date(now.getTime() - 5 * DAY_MS).toISOString(),
    });
    await recompute(w.admin);
    const first = await scoreOf(w.csm, account.id);
    expect(first.current?.score).toBe(100);
    expect(first.why.sincePrevious).toBeNull();

    now = at(3);
    const survey = await w.csm.request({
      method: 'POST',
      url: '/api/v1/relationship/surveys',
      payload: { contactId: sponsor.id, kind: 'nps', score: 2, respondedAt: now.toISOString() },
    });
    expect(survey.statusCode, survey.body).toBe(201);
    await runJobs();

    const second = await scoreOf(w.csm, account.id);
    const sentiment = second.current?.components.dimensions.find((d) => d.dimension === 'sentiment');
    expect(sentiment?.points).toBe(0);
    // relationship 100 (weight 10) and sentiment 0 (weight 20) on the small-business scorecard
    expect(second.current).toMatchObject({ score: 33, band: 'red' });
    expect(second.why.sincePrevious?.since).toBe(at(0).toISOString());
    expect(second.why.sincePrevious?.moves.map((m) => m.sentence)).toEqual([
      'Sentiment counts since 20 Nov, now 0 points: NPS over the last year -100 from 1 answer, unknown before.',
    ]);
    // nothing moved since 30 days ago: no score then
    expect(second.why.since30Days).toBeNull();

    // a rescoring that changes no points (a day more since the touch) adds no history
    now = at(4);
    await recompute(w.admin);
    const history = await w.viewer.request({
      method: 'GET',
      url: `/api/v1/health/accounts/${account.id}/score/history?from=2026-11-01`,
    });
    expect(history.statusCode).toBe(200);
    expect(history.json().points.map((p: { scoredAt: string; score: number }) => [p.scoredAt, p.score])).toEqual([
      [at(0).toISOString(), 100],
      [at(3).toISOString(), second.current?.score],
    ]);

    // 40 days on, 30 days ago is the scoring of day 3, still in force: nothing moved since
    now = at(43);
    const later = await scoreOf(w.csm, account.id);
    expect(later.why.since30Days).toMatchObject({ since: at(3).toISOString(), moves: [] });
  });

  it('rescores commercial when subscriptions are imported, and the portfolio shows the score', async () => {
    now = at(0);
    const w = await workspace('hs-revenue');
    const account = await buildAccount(t.ctx.db, w.id, { name: 'Quarry Lane Books', segment: 'mid_market' });
    const quiet = await buildAccount(t.ctx.db, w.id, { name: 'Aldwych Sails', segment: 'mid_market' });
    await buildSubscription(t.ctx.db, w.id, {
      account_id: account.id,
      external_id: 'qlb-1',
      start_date: '2026-01-01',
      arr_cents: 5_000_000,
    });
    await recompute(w.admin);
    // ARR unchanged over 90 days: 80 points on the default scorecard
    expect((await scoreOf(w.csm, account.id)).current?.score).toBe(80);
    expect((await scoreOf(w.csm, quiet.id)).current).toMatchObject({ score: null, band: null });

    now = at(2);
    // the contract ends yesterday and a smaller one follows it
    const record = {
      source: 'csv' as const,
      externalId: 'qlb-1',
      accountRef: account.id,
      accountName: null,
      start: '2026-01-01',
      end: '2026-11-21' as string | null,
      arrCents: 5_000_000,
      mrrCents: null,
      seats: null,
      plan: null,
      trial: false,
      currency: 'EUR',
      billingPeriod: 'annual',
      autoRenew: null,
      renewsOn: null,
      status: null,
    };
    await t.ctx.db.transaction().execute(async (trx) => {
      const out = await applySubscriptionBatch(trx, { workspaceId: w.id, matcher: await accountMatcher(trx, w.id) }, [
        { row: 1, record },
        { row: 2, record: { ...record, externalId: 'qlb-2', start: '2026-11-21', end: null, arrCents: 3_500_000 } },
      ]);
      expect(out.errors).toEqual([]);
    });
    await runJobs();
    const view = await scoreOf(w.csm, account.id);
    expect(view.current).toMatchObject({ score: 0, band: 'red' });
    expect(view.why.sincePrevious?.moves.map((m) => m.sentence)).toEqual([
      'Commercial fell 80 points since 20 Nov: ARR over 90 days down 30 % (50,000 EUR to 35,000 EUR), ' +
        'was unchanged (50,000 EUR to 50,000 EUR).',
    ]);

    const list = await w.viewer.request({ method: 'GET', url: '/api/v1/health/accounts?sort=health' });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as Array<{ account: string; health: number | null; healthBand: string | null }>;
    expect(items.map((i) => [i.account, i.health === null ? null : i.healthBand])).toEqual([
      ['Quarry Lane Books', view.current?.band],
      ['Aldwych Sails', null],
    ]);
    const none = await w.viewer.request({ method: 'GET', url: '/api/v1/health/accounts?band=none' });
    expect(none.json().items.map((i: { account: string }) => i.account)).toEqual(['Aldwych Sails']);
    const dist = await w.viewer.request({ method: 'GET', url: '/api/v1/health/scores/distribution' });
    expect(dist.json()).toEqual({ green: 0, yellow: 0, red: 0, none: 1, [view.current?.band as string]: 1 });
  });

  it('answers 404 for another workspace’s account and refuses a recompute to non-admins', async () => {
    const w = await workspace('hs-access');
    const other = await workspace('hs-access-other');
    const foreign = await buildAccount(t.ctx.db, other.id, { name: 'Elsewhere Ltd' });
    expect(
      (await w.admin.request({ method: 'GET', url: `/api/v1/health/accounts/${foreign.id}/score` })).statusCode,
    ).toBe(404);
    expect((await w.csm.request({ method: 'POST', url: '/api/v1/health/scores/recompute' })).statusCode).toBe(403);
  });
});
