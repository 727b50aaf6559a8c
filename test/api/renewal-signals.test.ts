import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPOSITION } from '../../src/app/modules.ts';
import { buildDemoWorkspace } from '../../src/demo/demo.service.ts';
import { accountMatcher, applySubscriptionBatch } from '../../src/modules/revenue/index.ts';
import { enqueueJob } from '../../src/platform/jobs/job.service.ts';
import { buildAccount, buildContact, buildSubscription, buildSurvey, fixtureId } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The day judged: every date below is fixed against it, never against the machine's clock. */
const D = '2026-11-20';
const NOW = new Date(`${D}T12:00:00.000Z`);
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

type Sig = {
  kind: string;
  title: string;
  severity: string;
  evidence: Record<string, unknown>;
  explanation: string;
  resolvedAt: string | null;
};

/** A workspace of its own with an admin and a viewer signed in. */
async function workspace(slug: string): Promise<{ id: string; admin: Client; viewer: Client }> {
  const id = await t.workspace(slug);
  return {
    id,
    admin: await t.login((await t.user(id, 'admin')).email),
    viewer: await t.login((await t.user(id, 'viewer')).email),
  };
}

const signalsOf = async (c: Client, accountId: string, status = 'open') =>
  (
    (
      await c.request({ method: 'GET', url: `/api/v1/signals?accountId=${accountId}&status=${status}&limit=200` })
    ).json().items as Sig[]
  ).sort((a, b) => a.kind.localeCompare(b.kind));

const evaluate = async (c: Client, url: string, asOf = D) => {
  const res = await c.request({ method: 'POST', url, payload: { asOf } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { accounts: number; raised: Record<string, number>; resolved: Record<string, number> };
};

async function runJob(
  type: 'relationship.signals' | 'revenue.signals' | 'health.renewal-signals',
  workspaceId: string,
  payload: object,
) {
  const { id } = await enqueueJob(t.ctx.db, COMPOSITION.jobs, { type, payload, workspaceId, runAt: NOW });
  expect(await t.runJobs({ now: NOW })).toEqual([]);
  const job = await t.ctx.db
    .selectFrom('jobs')
    .select(['status', 'last_error'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  expect(job).toEqual({ status: 'succeeded', last_error: null });
}

describe('relationship signals', () => {
  it(
    'raises the quiet sponsor and the detractor with their evidence, drops the detractor when its rule is ' +
      'switched off, and resolves the sponsor once touched',
    async () => {
      const w = await workspace('rel-signals');
      const account = await buildAccount(t.ctx.db, w.id, {
        name: 'Coldharbour Metalworks',
        lifecycle_phase: 'renewing',
      });
      const sponsor = await buildContact(t.ctx.db, w.id, account.id, {
        name: 'Callum Haddad',
        title: 'Owner',
        role: 'executive_sponsor',
        last_touch_at: ago(70),
      });
      await buildSurvey(t.ctx.db, w.id, account.id, {
        contact_id: sponsor.id,
        score: 3,
        comment: 'Go-live slipped twice.',
        responded_at: ago(68),
      });
      const first = await evaluate(w.admin, '/api/v1/relationship/signals/evaluate');
      expect(first.raised).toEqual({ 'renewal.sponsor_untouched': 1, 'renewal.detractor': 1 });
      const open = await signalsOf(w.viewer, account.id);
      expect(open.map((s) => [s.kind, s.severity])).toEqual([
        ['renewal.detractor', 'severe'],
        ['renewal.sponsor_untouched', 'warning'],
      ]);
      expect(open[1]?.evidence.sponsors).toEqual([
        { contactId: sponsor.id, contact: 'Callum Haddad', title: 'Owner', lastTouchAt: ago(70), daysSinceTouch: 70 },
      ]);
      expect(open[1]?.explanation).toContain('Callum Haddad (Owner), last touched on 11 Sep 2026, 70 days ago');
      expect(open[0]?.explanation).toContain('answered NPS 3 on 13 Sep 2026, saying “Go-live slipped twice.”');

      // Evaluating again refreshes, never duplicates.
      await evaluate(w.admin, '/api/v1/relationship/signals/evaluate');
      expect(await signalsOf(w.viewer, account.id)).toHaveLength(2);

      // The detractor rule switched off: it raises nothing and its open signal resolves.
      const settings = (await w.viewer.request({ method: 'GET', url: '/api/v1/settings/relationship-signals' })).json();
      expect(settings.sponsorUntouched).toEqual({ enabled: true, days: 60 });
      const put = await w.admin.request({
        method: 'PUT',
        url: '/api/v1/settings/relationship-signals',
        payload: { ...settings, detractor: { ...settings.detractor, enabled: false } },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect((await evaluate(w.admin, '/api/v1/relationship/signals/evaluate')).resolved).toEqual({
        'renewal.detractor': 1,
      });
      expect((await signalsOf(w.viewer, account.id)).map((s) => s.kind)).toEqual(['renewal.sponsor_untouched']);

      // A meeting with the sponsor, recorded through the API, queues the job for that account; run on the same
      // day, it resolves the quiet-sponsor signal.
      const touch = await w.admin.request({
        method: 'POST',
        url: '/api/v1/relationship/touches',
        payload: {
          accountId: account.id,
          kind: 'meeting',
          occurredAt: ago(1),
          contactIds: [sponsor.id],
          subject: 'QBR',
        },
      });
      expect(touch.statusCode, touch.body).toBeLessThan(300);
      const queued = await t.ctx.db
        .selectFrom('jobs')
        .select(['payload', 'run_at'])
        .where('workspace_id', '=', w.id)
        .where('type', '=', 'relationship.signals')
        .execute();
      expect(queued.map((j) => JSON.parse(j.payload))).toEqual([{ workspaceId: w.id, accountIds: [account.id] }]);
      await t.ctx.db.updateTable('jobs').set({ run_at: NOW.toISOString() }).where('workspace_id', '=', w.id).execute();
      expect(await t.runJobs({ now: NOW })).toEqual([]);
      expect(await signalsOf(w.viewer, account.id)).toEqual([]);
      const resolved = await signalsOf(w.viewer, account.id, 'resolved');
      expect(resolved.map((s) => s.kind)).toEqual(['renewal.detractor', 'renewal.sponsor_untouched']);
    },
  );

  it(
    'raises finance in delivery on a procurement touch while implementing, and refuses bad thresholds ' +
      'naming the field',
    async () => {
      const w = await workspace('rel-finance');
      const account = await buildAccount(t.ctx.db, w.id, { lifecycle_phase: 'implementing' });
      const buyer = await buildContact(t.ctx.db, w.id, account.id, {
        name: 'Jo Park',
        role: 'other',
        title: 'Procurement lead',
      });
      await t.ctx.db
        .insertInto('relationship_touches')
        .values({
          id: fixtureId(),
          workspace_id: w.id,
          account_id: account.id,
          kind: 'meeting',
          occurred_at: ago(2),
          subject: 'Pricing review',
          direction: null,
          source: 'csv',
          external_id: null,
          contact_ids: JSON.stringify([buyer.id]),
          emails: '[]',
          dedupe_key: `finance-${account.id}`,
          created_at: ago(2),
        })
        .execute();
      await runJob('relationship.signals', w.id, { asOf: D });
      const [signal] = await signalsOf(w.viewer, account.id);
      expect(signal?.kind).toBe('relationship.finance_in_delivery');
      expect(signal?.explanation).toContain('Jo Park (Procurement lead) on 18 Nov 2026 (meeting “Pricing review”)');

      const current = (await w.viewer.request({ method: 'GET', url: '/api/v1/settings/relationship-signals' })).json();
      const bad = await w.admin.request({
        method: 'PUT',
        url: '/api/v1/settings/relationship-signals',
        payload: { ...current, touchSurge: { ...current.touchSurge, factor: 0 } },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('body.touchSurge.factor');
      const viewerPut = await w.viewer.request({
        method: 'PUT',
        url: '/api/v1/settings/relationship-signals',
        payload: current,
      });
      expect(viewerPut.statusCode).toBe(403);
    },
  );
});

describe('revenue signals', () => {
  it(
    'raises contraction with the subscriptions that changed and no expansion as info, and resolves ' +
      'contraction once ARR is back',
    async () => {
      const w = await workspace('rev-signals');
      const account = await buildAccount(t.ctx.db, w.id);
      const sub = (over: Parameters<typeof buildSubscription>[2]) =>
        buildSubscription(t.ctx.db, w.id, { account_id: account.id, currency: 'USD', ...over });
      await sub({ start_date: '2025-01-01', arr_cents: 8_000_000, plan: 'Base' });
      await sub({ start_date: '2025-01-01', end_date: '2026-10-01', arr_cents: 4_000_000, plan: 'Pro' });
      await sub({ start_date: '2026-10-01', arr_cents: 1_000_000, plan: 'Lite' });
      await runJob('revenue.signals', w.id, { asOf: D });
      const open = await signalsOf(w.viewer, account.id);
      expect(open.map((s) => [s.kind, s.severity])).toEqual([
        ['renewal.contraction', 'severe'],
        ['renewal.no_expansion', 'info'],
      ]);
      expect(open[0]?.evidence).toMatchObject({ fromArr: 120_000, toArr: 90_000, change: -30_000, currency: 'USD' });
      expect(open[0]?.explanation).toBe(
        'ARR went from 120,000 USD on 22 Aug 2026 to 90,000 USD on 20 Nov 2026: down 30,000 USD (25 %). ' +
          'What changed: Pro (40,000 USD → 0 USD) and Lite (0 USD → 10,000 USD).',
      );
      // Back to 120,000 on 1 Nov: no contraction against 90 days before; still no expansion above the start.
      await sub({ start_date: '2026-11-01', arr_cents: 3_000_000, plan: 'Pro again' });
      const again = await evaluate(w.admin, '/api/v1/revenue/signals/evaluate');
      expect(again.resolved).toEqual({ 'renewal.contraction': 1 });
      expect((await signalsOf(w.viewer, account.id)).map((s) => s.kind)).toEqual(['renewal.no_expansion']);

      // Switched off, no expansion raises nothing.
      const settings = (await w.viewer.request({ method: 'GET', url: '/api/v1/settings/revenue-signals' })).json();
      await w.admin.request({
        method: 'PUT',
        url: '/api/v1/settings/revenue-signals',
        payload: { ...settings, noExpansion: { ...settings.noExpansion, enabled: false } },
      });
      await evaluate(w.admin, '/api/v1/revenue/signals/evaluate');
      expect(await signalsOf(w.viewer, account.id)).toEqual([]);
    },
  );
});

describe('when subscriptions change', () => {
  it(
    'queues the revenue signals of the accounts that changed and the at-risk renewal signal, in the same ' + 'write',
    async () => {
      const w = await workspace('rev-queue');
      const account = await buildAccount(t.ctx.db, w.id, { name: 'Queued', domain: 'queued.example' });
      await t.ctx.db.transaction().execute(async (trx) =>
        applySubscriptionBatch(trx, { workspaceId: w.id, matcher: await accountMatcher(trx, w.id) }, [
          {
            row: 1,
            record: {
              source: 'csv',
              externalId: 'q-1',
              accountRef: account.id,
              accountName: null,
              start: '2026-01-01',
              end: null,
              arrCents: 1_000_000,
              mrrCents: null,
              seats: null,
              plan: null,
              trial: false,
              currency: 'USD',
              billingPeriod: 'annual',
              autoRenew: null,
              renewsOn: null,
              status: null,
            },
          },
        ]),
      );
      const queued = await t.ctx.db
        .selectFrom('jobs')
        .select(['type', 'payload'])
        .where('workspace_id', '=', w.id)
        .where('type', 'in', ['revenue.signals', 'health.renewal-signals'])
        .orderBy('type')
        .execute();
      expect(queued.map((j) => [j.type, JSON.parse(j.payload)])).toEqual([
        ['health.renewal-signals', { workspaceId: w.id }],
        ['revenue.signals', { workspaceId: w.id, accountIds: [account.id] }],
      ]);
    },
  );
});

describe('at-risk renewal', () => {
  it(
    'raises a renewal within 120 days with churn risk in the riskiest deciles, saying it reads churn ' +
      'risk, and resolves when the threshold tightens',
    async () => {
      const w = await workspace('renewal-risk');
      const risky = await buildAccount(t.ctx.db, w.id, { name: 'Risky', renewal_date: '2027-01-19' });
      const safe = await buildAccount(t.ctx.db, w.id, { name: 'Safe', renewal_date: '2027-01-10' });
      const far = await buildAccount(t.ctx.db, w.id, { name: 'Far', renewal_date: '2027-06-01' });
      const modelId = fixtureId();
      await t.ctx.db
        .insertInto('risk_models')
        .values({ id: modelId, workspace_id: w.id, model: '{}', created_at: ago(1) })
        .execute();
      const score = (accountId: string, probability: number, decile: number) => ({
        account_id: accountId,
        workspace_id: w.id,
        model_id: modelId,
        probability,
        decile,
        drivers: '[]',
        scored_at: ago(1),
      });
      await t.ctx.db
        .insertInto('risk_scores')
        .values([score(risky.id, 0.41, 2), score(safe.id, 0.05, 9), score(far.id, 0.6, 1)])
        .execute();
      await runJob('health.renewal-signals', w.id, { asOf: D });
      expect((await signalsOf(w.viewer, safe.id)).length + (await signalsOf(w.viewer, far.id)).length).toBe(0);
      const [signal] = await signalsOf(w.viewer, risky.id);
      expect(signal?.kind).toBe('renewal.at_risk_renewal');
      expect(signal?.evidence).toMatchObject({ renewalOn: '2027-01-19', daysToRenewal: 60, decile: 2, topPct: 20 });
      expect(signal?.explanation).toContain('churn risk is in the top 20 % of accounts');
      expect(signal?.explanation).toContain('The account has no health score.');

      const settings = (await w.viewer.request({ method: 'GET', url: '/api/v1/settings/renewal-signals' })).json();
      expect(settings).toEqual({ atRiskRenewal: { enabled: true, withinDays: 120, maxDecile: 3, maxHealthScore: 40 } });
      await w.admin.request({
        method: 'PUT',
        url: '/api/v1/settings/renewal-signals',
        payload: { atRiskRenewal: { ...settings.atRiskRenewal, maxDecile: 1 } },
      });
      const after = await evaluate(w.admin, '/api/v1/health/renewal-signals/evaluate');
      expect(after.resolved).toEqual({ 'renewal.at_risk_renewal': 1 });
      expect(await signalsOf(w.viewer, risky.id)).toEqual([]);
    },
  );

  it(
    'raises a renewal within 120 days on a health score below the threshold ' + 'alone, and resolves as it recovers',
    async () => {
      const w = await workspace('renewal-health');
      const weak = await buildAccount(t.ctx.db, w.id, { name: 'Weak', renewal_date: '2027-01-19' });
      const fine = await buildAccount(t.ctx.db, w.id, { name: 'Fine', renewal_date: '2027-01-10' });
      const health = (accountId: string, score: number, band: string) => ({
        id: fixtureId(),
        workspace_id: w.id,
        account_id: accountId,
        scored_at: ago(1),
        score,
        band,
        scorecard_version: 1,
        components: '{"dimensions":[]}',
        is_current: 1,
      });
      await t.ctx.db
        .insertInto('health_scores')
        .values([health(weak.id, 31, 'red'), health(fine.id, 72, 'green')])
        .execute();
      await runJob('health.renewal-signals', w.id, { asOf: D });
      expect(await signalsOf(w.viewer, fine.id)).toEqual([]);
      const [signal] = await signalsOf(w.viewer, weak.id);
      expect(signal?.title).toBe('Renews in 60 days with health 31 (below 40)');
      expect(signal?.evidence).toMatchObject({
        healthScore: 31,
        maxHealthScore: 40,
        reasons: ['health'],
        decile: null,
      });
      expect(signal?.explanation).toContain('health is 31 of 100 (a warning below 40');

      await t.ctx.db
        .updateTable('health_scores')
        .set({ score: 55, band: 'yellow' })
        .where('account_id', '=', weak.id)
        .execute();
      const after = await evaluate(w.admin, '/api/v1/health/renewal-signals/evaluate');
      expect(after.resolved).toEqual({ 'renewal.at_risk_renewal': 1 });
    },
  );

  it('runs daily, as each of the three jobs', () => {
    for (const type of ['relationship.signals', 'revenue.signals', 'health.renewal-signals'])
      expect(COMPOSITION.jobs.get(type)?.everyMs, type).toBe(86_400_000);
  });
});

describe('the demo', () => {
  it('shows its story customer’s quiet detractor sponsor once the jobs queued at its creation have run', async () => {
    const today = new Date('2026-12-01T10:30:00.000Z');
    const demo = await t.ctx.db
      .transaction()
      .execute((trx) => buildDemoWorkspace(trx, { slug: 'demo-renewal', today }));
    // The jobs the demo queued for its own day, due seconds after it (the scoring first, then the renewal signal).
    expect(await t.runJobs({ now: new Date(today.getTime() + 30_000) })).toEqual([]);
    const account = await t.ctx.db
      .selectFrom('accounts')
      .select('id')
      .where('workspace_id', '=', demo.workspaceId)
      .where('name', '=', 'Coldharbour Metalworks')
      .executeTakeFirstOrThrow();
    const open = await t.ctx.db
      .selectFrom('signals')
      .select(['kind', 'evidence'])
      .where('account_id', '=', account.id)
      .where('resolved_at', 'is', null)
      .execute();
    const byKind = new Map(open.map((s) => [s.kind, JSON.parse(s.evidence) as Record<string, unknown>]));
    expect(
      (byKind.get('renewal.sponsor_untouched')?.sponsors as Array<{ daysSinceTouch: number }>)[0]?.daysSinceTouch,
    ).toBe(70);
    expect((byKind.get('renewal.detractor')?.detractors as Array<{ score: number; role: string }>)[0]).toMatchObject({
      score: 3,
      role: 'executive_sponsor',
    });
  }, 180_000);
});
