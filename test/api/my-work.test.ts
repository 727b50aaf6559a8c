import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseSignal } from '../../src/modules/signals/index.ts';
import {
  buildAccount,
  buildBrief,
  buildProject,
  buildResource,
  buildSubscription,
  buildTask,
} from '../helpers/fixtures/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

type Item = {
  kind: string;
  id: string;
  title: string;
  account: { id: string; name: string } | null;
  due: string | null;
  moneyAtRisk: number | null;
  why: string;
  href: string;
  signal: { attention: string } | null;
};

/** Two success managers, a delivery consultant and an admin, each with accounts, tasks and questions of their own. */
async function team(slug: string) {
  const ws = await t.workspace(slug);
  const ana = await t.user(ws, 'csm', { email: `ana@${slug}.test` });
  const ben = await t.user(ws, 'csm', { email: `ben@${slug}.test` });
  const dev = await t.user(ws, 'delivery', { email: `dev@${slug}.test` });
  const admin = await t.user(ws, 'admin', { email: `admin@${slug}.test` });
  const account = async (name: string, csm: string, arrCents: number, ae: string | null = null) => {
    const a = await buildAccount(t.ctx.db, ws, { name, csm_user_id: csm, ae_user_id: ae });
    await buildSubscription(t.ctx.db, ws, { account_id: a.id, arr_cents: arrCents, currency: 'USD' });
    return a;
  };
  const small = await account('Small Co', ana.userId, 1_000_000);
  const big = await account('Big Co', ana.userId, 30_000_000, ana.userId);
  const bens = await account('Ben Co', ben.userId, 50_000_000);
  const signal = (accountId: string, title: string) =>
    raiseSignal(t.ctx.db, {
      workspaceId: ws,
      kind: 'renewal.sponsor_untouched',
      accountId,
      severity: 'warning',
      subjectType: 'account',
      subjectId: accountId,
      title,
      evidence: { thresholdDays: 60 },
    });
  const onSmall = await signal(small.id, 'Sponsor untouched at Small Co');
  const onBig = await signal(big.id, 'Sponsor untouched at Big Co');
  await signal(bens.id, 'Sponsor untouched at Ben Co');
  // Ana is also on the delivery team: two tasks on Ben's account's project, one done.
  const resource = await buildResource(t.ctx.db, ws, { user_id: ana.userId, name: 'Ana' });
  const project = await buildProject(t.ctx.db, ws, { account_id: bens.id, name: 'Ben Co rollout' });
  await buildTask(t.ctx.db, project, {
    name: 'SSO setup',
    assignee_id: resource.id,
    forecast_finish: '2026-11-27',
    critical: 1,
  });
  await buildTask(t.ctx.db, project, { name: 'Kickoff', assignee_id: resource.id, state: 'done' });
  await buildTask(t.ctx.db, project, { name: 'Data import', assignee_id: resource.id, forecast_finish: '2026-11-24' });
  // Delivery asked about the brief Ana wrote on Big Co.
  const brief = await buildBrief(t.ctx.db, ws, { account_id: big.id, ae_user_id: ana.userId, state: 'submitted' });
  const devClient = await t.login(dev.email);
  const asked = await devClient.request({
    method: 'POST',
    url: `/api/v1/handoffs/${brief.id}/clarifications`,
    payload: { question: 'Which SSO provider?' },
  });
  expect(asked.statusCode, asked.body).toBeLessThan(300);
  return { ws, ana, ben, dev, admin, small, big, bens, onSmall, onBig, brief };
}

const myWork = async (email: string, q = '') => {
  const res = await (await t.login(email)).request({ method: 'GET', url: `/api/v1/my-work${q}` });
  return res;
};

describe('my work', () => {
  it('orders each person’s signals, tasks and questions by money at stake, then due date', async () => {
    const w = await team('work-order');
    const res = await myWork(w.ana.email);
    expect(res.statusCode, res.body).toBe(200);
    const all = res.json().items as Item[];
    // The sponsor signals started the sponsor play on Ana's accounts: its tasks join her work, the money first.
    const play = ' (Executive sponsor re-engagement)';
    expect(all.filter((i) => i.kind === 'play_task').map((i) => [i.title, i.account?.name, i.moneyAtRisk])).toEqual([
      [`Email the sponsor for a check-in${play}`, 'Big Co', 300_000],
      [`Hold the executive check-in${play}`, 'Big Co', 300_000],
      [`Email the sponsor for a check-in${play}`, 'Small Co', 10_000],
      [`Hold the executive check-in${play}`, 'Small Co', 10_000],
    ]);
    const items = all.filter((i) => i.kind !== 'play_task');
    expect(items.map((i) => [i.kind, i.title, i.moneyAtRisk, i.due])).toEqual([
      ['task', 'Data import (Ben Co rollout)', 500_000, '2026-11-24'],
      ['task', 'SSO setup (Ben Co rollout)', 500_000, '2026-11-27'],
      ['clarification', 'Answer delivery: Which SSO provider?', 300_000, null],
      ['signal', 'Sponsor untouched at Big Co', 300_000, null],
      ['signal', 'Sponsor untouched at Small Co', 10_000, null],
    ]);
    expect(res.json().currency).toBe('USD');
    const sso = items.find((i) => i.title.startsWith('SSO'));
    expect(sso?.why).toBe(
      'Assigned to you on Ben Co rollout; forecast to finish on 27 Nov 2026; on the critical path: a day late ' +
        'here moves the go-live; Ben Co has USD 500,000 ARR, not scored for churn risk yet.',
    );
    const big = items.find((i) => i.id === w.onBig.id);
    expect(big?.why).toBe(
      'You are the account executive and CSM of Big Co; Big Co has USD 300,000 ARR, not scored for churn risk yet.',
    );
    expect(big?.href).toBe(`/accounts?account=${w.big.id}`);
    expect(items.find((i) => i.kind === 'clarification')?.href).toBe(`/deals/handoffs/deal/${w.brief.deal_id}`);

    // Ben sees his own account's signal only.
    const bens = (await myWork(w.ben.email)).json().items as Item[];
    expect(bens.filter((i) => i.kind === 'signal').map((i) => [i.kind, i.title, i.moneyAtRisk])).toEqual([
      ['signal', 'Sponsor untouched at Ben Co', 500_000],
    ]);
    expect(bens.filter((i) => i.kind === 'play_task').map((i) => i.account?.name)).toEqual(['Ben Co', 'Ben Co']);
  });

  it('leaves out signals acted on (until a snooze ends) and shows a reader without health:read no money', async () => {
    const w = await team('work-acted');
    const ana = await t.login(w.ana.email);
    const dismissed = await ana.request({
      method: 'POST',
      url: `/api/v1/signals/${w.onSmall.id}/dismiss`,
      payload: { reason: 'handled_elsewhere' },
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    await ana.request({ method: 'POST', url: `/api/v1/signals/${w.onBig.id}/acknowledge`, payload: {} });
    const items = (await myWork(w.ana.email)).json().items as Item[];
    expect(items.filter((i) => i.kind === 'signal').map((i) => [i.id, i.signal?.attention])).toEqual([
      [w.onBig.id, 'acknowledged'],
    ]);
    // Delivery may not see money: its list has none, ordered by due date.
    const resource = await buildResource(t.ctx.db, w.ws, { user_id: w.dev.userId });
    const project = await buildProject(t.ctx.db, w.ws, { account_id: w.big.id, name: 'Big Co rollout' });
    await buildTask(t.ctx.db, project, { name: 'Later', assignee_id: resource.id, forecast_finish: '2026-12-10' });
    await buildTask(t.ctx.db, project, { name: 'Sooner', assignee_id: resource.id, forecast_finish: '2026-12-01' });
    const dev = (await myWork(w.dev.email)).json();
    expect(dev.currency).toBeNull();
    expect(dev.items.map((i: Item) => [i.title, i.moneyAtRisk])).toEqual([
      ['Sooner (Big Co rollout)', null],
      ['Later (Big Co rollout)', null],
    ]);
    expect(dev.items[0].why).toBe('Assigned to you on Big Co rollout; forecast to finish on 1 Dec 2026.');
  });

  it('lets an admin read a colleague’s work, and nobody else', async () => {
    const w = await team('work-admin');
    const asAdmin = await myWork(w.admin.email, `?userId=${w.ben.userId}`);
    expect(asAdmin.statusCode, asAdmin.body).toBe(200);
    expect(
      asAdmin
        .json()
        .items.filter((i: Item) => i.kind === 'signal')
        .map((i: Item) => i.title),
    ).toEqual(['Sponsor untouched at Ben Co']);
    expect((await myWork(w.ana.email, `?userId=${w.ben.userId}`)).statusCode).toBe(403);
    const other = await team('work-admin-other');
    const foreign = await myWork(w.admin.email, `?userId=${other.ana.userId}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([{ field: 'querystring.userId', message: 'not a member of this workspace' }]);
    // The admin's own queue is empty, and says so.
    expect((await myWork(w.admin.email)).json().items).toEqual([]);
  });
});
