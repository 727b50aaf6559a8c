import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseSignal } from '../../src/modules/signals/index.ts';
import { buildAccount, buildAccountAttributes, buildSubscription } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The portfolio over HTTP on a fixed day: which accounts are at risk, why (drivers and open signals) and how much
 * ARR, by chain stage and renewal window; the renewals coming up by ARR at risk; the accounts list with ARR, risk,
 * next renewal and chain stage, sorted and filtered by each; bad input refused naming the field; who may read it.
 */
const NOW = new Date('2026-06-15T12:00:00Z');
let t: TestApp;
let acme: string;
let admin: Client;
let viewer: Client;
let delivery: Client;
let csmName: string;
const ids = new Map<string, string>();

/** 40 accounts with an outcome: seat use below 50 % churned, with two exceptions. */
async function history(workspaceId: string) {
  for (let i = 0; i < 40; i++) {
    const seats = 10 + ((i * 37) % 90);
    const churned = seats < 50 !== (i === 3 || i === 30) ? 1 : 0;
    const a = await buildAccount(t.ctx.db, workspaceId, { name: `Past ${i}`, lifecycle_phase: 'churned' });
    await buildAccountAttributes(t.ctx.db, workspaceId, a.id, {
      attributes: { seats_used_pct: String(seats), plan: i % 3 === 0 ? 'Starter' : 'Growth' },
      outcome: churned,
      outcome_recorded_on: '2026-03-01',
    });
  }
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
  acme = await t.workspace('acme');
  admin = await t.login((await t.user(acme, 'admin')).email);
  viewer = await t.login((await t.user(acme, 'viewer')).email);
  delivery = await t.login((await t.user(acme, 'delivery')).email);
  const csm = await t.user(acme, 'csm');
  csmName = (await t.ctx.db.selectFrom('users').select('name').where('id', '=', csm.userId).executeTakeFirstOrThrow())
    .name;
  await history(acme);
  // Name, seat use, ARR, subscription start (renews on its anniversary), CSM.
  for (const [name, seats, arr, start, owned] of [
    ['Low Use Big', 15, 120_000, '2025-07-01', true], // renews 2026-07-01: 16 days
    ['Low Use Small', 12, 6_000, '2025-09-01', false], // 2026-09-01: 78 days
    ['High Use Big', 95, 200_000, '2025-10-10', false], // 2026-10-10: 117 days
    ['Middling', 45, 30_000, '2026-01-05', true], // 2027-01-05: beyond 120 days
  ] as const) {
    const a = await buildAccount(t.ctx.db, acme, { name, csm_user_id: owned ? csm.userId : null });
    await buildAccountAttributes(t.ctx.db, acme, a.id, {
      attributes: { seats_used_pct: String(seats), plan: 'Growth' },
    });
    await buildSubscription(t.ctx.db, acme, {
      account_id: a.id,
      arr_cents: arr * 100,
      currency: 'USD',
      start_date: start,
    });
    ids.set(name, a.id);
  }
  // An account without a subscription or a score.
  ids.set('Unscored', (await buildAccount(t.ctx.db, acme, { name: 'Unscored' })).id);
  const signal = (name: string, kind: 'handoff.thin_brief' | 'delivery.blocked_task', title: string) =>
    raiseSignal(t.ctx.db, {
      workspaceId: acme,
      kind,
      accountId: ids.get(name) ?? null,
      severity: 'warning',
      subjectType: 'account',
      subjectId: `${kind}-${name}`,
      title,
      evidence: {},
    });
  await signal('Low Use Big', 'delivery.blocked_task', 'A task has been blocked for 12 days');
  await signal('Low Use Big', 'handoff.thin_brief', 'The handoff brief is thin');
  await signal('Middling', 'delivery.blocked_task', 'Integration task blocked');
  const queued = await admin.request({ method: 'POST', url: '/api/v1/health/risk/score' });
  expect(queued.statusCode, queued.body).toBe(202);
  expect(await t.runJobs({ now: NOW })).toEqual([]);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const get = async (client: Client, url: string) => {
  const res = await client.request({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the portfolio over HTTP', () => {
  it('sums ARR and ARR at risk, by chain stage and renewal window, and lists the accounts most at risk with why', async () => {
    const risks = (await get(viewer, '/api/v1/health/risk/accounts?limit=50')).items as Array<{
      accountId: string;
      arrAtRisk: number;
    }>;
    const atRisk = new Map(risks.map((r) => [r.accountId, r.arrAtRisk]));
    const of = (name: string) => atRisk.get(ids.get(name) ?? '') ?? 0;
    const p = await get(viewer, '/api/v1/health/portfolio');
    expect(p.today).toBe('2026-06-15');
    expect(p.totals).toMatchObject({ accounts: 45, arr: 356_000, scoredAccounts: 4, accountsAtRisk: 4 });
    const total = of('Low Use Big') + of('Low Use Small') + of('High Use Big') + of('Middling');
    expect(p.totals.arrAtRisk).toBeCloseTo(total, 1);

    // Low Use Big's earliest open stage is the handoff, Middling's the implementation (other rules may raise more).
    const stages = p.byStage.map((s: { stage: string | null }) => s.stage);
    expect(stages.slice(0, 2)).toEqual(['handoff', 'implementation']);
    expect(stages.at(-1)).toBeNull();
    expect(p.byStage[0]).toMatchObject({ accounts: 1, arr: 120_000 });
    expect(p.byStage[0].arrAtRisk).toBeCloseTo(of('Low Use Big'), 1);
    expect(p.byStage[1]).toMatchObject({ accounts: 1, arr: 30_000 });
    expect(p.byStage.reduce((n: number, s: { accounts: number }) => n + s.accounts, 0)).toBe(45);
    expect(p.byStage.reduce((n: number, s: { arr: number }) => n + s.arr, 0)).toBe(356_000);

    expect(
      p.renewals.map((w: { withinDays: number; accounts: number; arr: number }) => [w.withinDays, w.accounts, w.arr]),
    ).toEqual([
      [30, 1, 120_000],
      [90, 2, 126_000],
      [120, 3, 326_000],
    ]);

    const most = [...atRisk.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(p.topAtRisk[0].accountId).toBe(most);
    const top = p.topAtRisk.find((a: { account: string }) => a.account === 'Low Use Big');
    expect(top.arrAtRisk).toBeCloseTo(of('Low Use Big'), 1);
    expect(top.csm).toBe(csmName);
    expect(top.chainStage).toBe('handoff');
    // Its open signals' titles, earliest chain stage first (a renewal rule may add its own after them).
    expect(top.signals.slice(0, 2)).toEqual(['The handoff brief is thin', 'A task has been blocked for 12 days']);
    expect(top.why.length).toBeGreaterThan(0);
    expect(top.why[0]).toMatch(/risk$/);
    expect(p.topAtRisk.map((a: { arrAtRisk: number }) => a.arrAtRisk)).toEqual(
      [...p.topAtRisk.map((a: { arrAtRisk: number }) => a.arrAtRisk)].sort((a, b) => b - a),
    );
    expect((await get(viewer, '/api/v1/health/portfolio?top=1')).topAtRisk).toHaveLength(1);
  });

  it('lists the renewals within the window by ARR at risk, with days left, stage, CSM and the totals', async () => {
    const r = await get(viewer, '/api/v1/health/renewals?within=120&sort=arr_at_risk');
    expect(r).toMatchObject({ today: '2026-06-15', within: 120, currency: 'USD', total: 3, totalArr: 326_000 });
    const low = r.items.find((i: { account: string }) => i.account === 'Low Use Big');
    expect(low).toMatchObject({ date: '2026-07-01', daysLeft: 16, arr: 120_000, chainStage: 'handoff', csm: csmName });
    const atRisk = r.items.map((i: { arrAtRisk: number }) => i.arrAtRisk);
    expect(atRisk).toEqual([...atRisk].sort((a, b) => b - a));
    expect(r.totalArrAtRisk).toBeCloseTo(
      atRisk.reduce((s: number, v: number) => s + v, 0),
      1,
    );
    const soonest = await get(viewer, '/api/v1/health/renewals?within=90&sort=date');
    expect(soonest.items.map((i: { account: string; daysLeft: number }) => [i.account, i.daysLeft])).toEqual([
      ['Low Use Big', 16],
      ['Low Use Small', 78],
    ]);
  });

  it('gives the accounts list ARR, risk, next renewal and chain stage, sorted and filtered by each', async () => {
    const names = (l: { items: Array<{ account: string }> }) => l.items.map((i) => i.account);
    const byArr = await get(admin, '/api/v1/health/accounts?sort=arr&limit=3');
    expect(byArr.total).toBe(45);
    expect(names(byArr)).toEqual(['High Use Big', 'Low Use Big', 'Middling']);
    expect(byArr.items[1]).toMatchObject({ arr: 120_000, nextRenewal: '2026-07-01', daysToRenewal: 16 });
    expect(byArr.items[1].decile).toBeGreaterThanOrEqual(1);
    expect(names(await get(admin, '/api/v1/health/accounts?sort=arr&order=asc&minArr=1'))).toEqual([
      'Low Use Small',
      'Middling',
      'Low Use Big',
      'High Use Big',
    ]);
    expect(names(await get(admin, '/api/v1/health/accounts?stage=implementation'))).toEqual(['Middling']);
    const all = await get(admin, '/api/v1/health/accounts?limit=200');
    const without = all.items.filter((i: { chainStage: string | null }) => i.chainStage === null).length;
    expect(without).toBeGreaterThan(40);
    expect((await get(admin, '/api/v1/health/accounts?stage=none&limit=1')).total).toBe(without);
    expect(names(await get(admin, '/api/v1/health/accounts?sort=chain_stage&limit=2'))).toEqual([
      'Low Use Big',
      'Middling',
    ]);
    expect(names(await get(admin, '/api/v1/health/accounts?renewalWithin=90&sort=next_renewal'))).toEqual([
      'Low Use Big',
      'Low Use Small',
    ]);
    const byRisk = await get(admin, '/api/v1/health/accounts?sort=probability&limit=5');
    const p = byRisk.items.map((i: { probability: number | null }) => i.probability);
    expect(p.slice(0, 4).every((v: number | null) => v !== null)).toBe(true);
    expect(p.slice(0, 4)).toEqual([...p.slice(0, 4)].sort((a, b) => b - a));
    expect(p[4]).toBeNull(); // unscored accounts come last
    const risky = await get(admin, '/api/v1/health/accounts?maxDecile=10');
    expect(risky.total).toBe(4);
    expect(names(await get(admin, '/api/v1/health/accounts?q=unscored'))).toEqual(['Unscored']);
    const unscored = (await get(admin, '/api/v1/health/accounts?q=unscored')).items[0];
    expect(unscored).toMatchObject({ arr: 0, probability: null, arrAtRisk: null, nextRenewal: null, chainStage: null });
  });

  it('refuses bad input naming the field', async () => {
    for (const [url, field] of [
      ['/api/v1/health/renewals?within=0', 'querystring.within'],
      ['/api/v1/health/renewals?sort=size', 'querystring.sort'],
      ['/api/v1/health/accounts?maxDecile=11', 'querystring.maxDecile'],
      ['/api/v1/health/accounts?stage=sunset', 'querystring.stage'],
      ['/api/v1/health/accounts?minArr=-5', 'querystring.minArr'],
      ['/api/v1/health/portfolio?top=100', 'querystring.top'],
    ] as const) {
      const res = await viewer.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(JSON.stringify(res.json()), url).toContain(field);
    }
  });

  it('is read by those who see churn risk only', async () => {
    for (const url of ['/api/v1/health/portfolio', '/api/v1/health/renewals', '/api/v1/health/accounts']) {
      expect((await delivery.request({ method: 'GET', url })).statusCode, url).toBe(403);
    }
  });
});
