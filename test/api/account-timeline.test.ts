import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPastSlip } from '../../src/modules/delivery/index.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { buildAccount, buildDeal, buildProject, buildSubscription, buildSurvey } from '../helpers/fixtures/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

interface Entry {
  id: string;
  at: string;
  kind: string;
  title: string;
  sentence: string;
  ref: { kind: string; id: string };
  module: string;
}

/** An account with a deal, a brief, a project that slipped, a signal, two subscriptions and a survey answer. */
async function story(slug: string) {
  const ws = await t.workspace(slug);
  const partnerId = await t.partner(ws, 'Partner Firm');
  const account = await buildAccount(t.ctx.db, ws, { name: 'Acme' });
  const other = await buildAccount(t.ctx.db, ws, { name: 'Elsewhere' });
  const deal = await buildDeal(t.ctx.db, ws, {
    account_id: account.id,
    name: 'Acme platform',
    close_date: '2026-01-10',
    confirmed_at: '2026-01-12T09:00:00.000Z',
  });
  const brief = { id: `${deal.id}-brief` };
  await t.ctx.db
    .insertInto('handoff_briefs')
    .values({
      id: brief.id,
      workspace_id: ws,
      deal_id: deal.id,
      account_id: account.id,
      state: 'accepted',
      content: '{}',
      completeness: 90,
      ae_user_id: null,
      delivery_lead_user_id: null,
      submitted_at: null,
      accepted_at: '2026-01-20T15:00:00.000Z',
      returned_at: null,
      return_reasons: null,
      deal_reopened_at: null,
      created_at: '2026-01-12T10:00:00.000Z',
      updated_at: '2026-01-20T15:00:00.000Z',
    })
    .execute();
  const change = (id: string, at: string, from: string | null, to: string) => ({
    id: `${brief.id}-${id}`,
    workspace_id: ws,
    brief_id: brief.id,
    at,
    actor_label: 'Ana Ruiz',
    actor_id: null,
    from_state: from,
    to_state: to,
    completeness: 90,
    note: null,
  });
  await t.ctx.db
    .insertInto('handoff_events')
    .values([
      change('a', '2026-01-12T10:00:00.000Z', null, 'draft'),
      change('b', '2026-01-20T15:00:00.000Z', 'submitted', 'accepted'),
    ])
    .execute();
  const project = await buildProject(t.ctx.db, ws, {
    account_id: account.id,
    partner_id: partnerId,
    name: 'Acme rollout',
    kickoff_on: '2026-02-01',
    promised_go_live: '2026-04-01',
  });
  await recordPastSlip(t.ctx.db, SYSTEM_ACTOR, ws, project.id, {
    recordedAt: '2026-03-10T08:00:00.000Z',
    promisedGoLive: '2026-04-01',
    fromForecast: '2026-04-01',
    toForecast: '2026-04-15',
    days: 14,
    reasonCode: 'customer_delay',
    note: null,
  });
  await t.ctx.db
    .insertInto('signals')
    .values({
      id: `${account.id}-signal`,
      workspace_id: ws,
      account_id: account.id,
      kind: 'time_to_value.go_live_late',
      stage: 'time_to_value',
      severity: 'warning',
      subject_type: 'project',
      subject_id: project.id,
      title: 'Acme rollout forecast past its promise',
      evidence: '{}',
      suggested_play: null,
      first_seen_at: '2026-03-05T00:00:00.000Z',
      last_seen_at: '2026-03-05T00:00:00.000Z',
      resolved_at: null,
      resolution: null,
      snoozed_until: null,
      dismissed_fingerprint: null,
    })
    .execute();
  await buildSubscription(t.ctx.db, ws, {
    account_id: account.id,
    currency: 'USD',
    start_date: '2026-01-15',
    arr_cents: 1_200_000,
  });
  await buildSubscription(t.ctx.db, ws, {
    account_id: account.id,
    currency: 'USD',
    start_date: '2026-06-01',
    arr_cents: 600_000,
  });
  await buildSurvey(t.ctx.db, ws, account.id, {
    kind: 'nps',
    score: 4,
    contact_email: 'cfo@acme.test',
    responded_at: '2026-07-01T12:00:00.000Z',
  });
  const admin = await t.user(ws, 'admin', { email: `admin@${slug}.test` });
  const delivery = await t.user(ws, 'delivery', { email: `delivery@${slug}.test` });
  const partner = await t.user(ws, 'partner', { email: `partner@${slug}.test`, partnerId });
  return { ws, account, other, deal, project, admin, delivery, partner };
}

const timeline = async (email: string, accountId: string, q = '') =>
  (await t.login(email)).request({ method: 'GET', url: `/api/v1/accounts/${accountId}/timeline${q}` });

describe('the account timeline', () => {
  it('tells every module’s moments once each, newest first, in sentences', async () => {
    const s = await story('tl-order');
    const res = await timeline(s.admin.email, s.account.id);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Entry[];
    expect(items.map((i) => [i.at, i.kind, i.module])).toEqual([
      ['2026-07-01T12:00:00.000Z', 'survey.nps', 'relationship'],
      ['2026-06-01T00:00:00.000Z', 'subscription.expansion', 'revenue'],
      ['2026-03-10T08:00:00.000Z', 'project.slipped', 'delivery'],
      ['2026-03-05T00:00:00.000Z', 'signal.raised', 'signals'],
      ['2026-02-01T00:00:00.000Z', 'project.started', 'delivery'],
      ['2026-01-20T15:00:00.000Z', 'brief.accepted', 'handoffs'],
      ['2026-01-15T00:00:00.000Z', 'subscription.new', 'revenue'],
      ['2026-01-12T10:00:00.000Z', 'brief.created', 'handoffs'],
      ['2026-01-12T09:00:00.000Z', 'deal.confirmed', 'deals'],
      ['2026-01-10T00:00:00.000Z', 'deal.won', 'deals'],
    ]);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const said = Object.fromEntries(items.map((i) => [i.kind, i.sentence]));
    expect(said['survey.nps']).toBe('cfo@acme.test gave an NPS of 4 of 10 (a detractor).');
    expect(said['subscription.expansion']).toBe('ARR rose from USD 12,000 to USD 18,000 on 1 Jun 2026.');
    expect(said['project.slipped']).toBe(
      'Acme rollout’s go-live forecast moved to 15 Apr 2026, 14 days past the promised 1 Apr 2026 (customer delay).',
    );
    expect(said['signal.raised']).toBe(
      'Acme rollout forecast past its promise: raised as warning, stage “time to value”.',
    );
    expect(said['deal.won']).toBe('Acme platform closed won on 10 Jan 2026.');
    expect(items.find((i) => i.kind === 'project.slipped')?.ref).toEqual({ kind: 'project', id: s.project.id });
    expect(res.json().nextCursor).toBeNull();

    const history = await (
      await t.login(s.admin.email)
    ).request({
      method: 'GET',
      url: `/api/v1/revenue/accounts/${s.account.id}/arr-history`,
    });
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json()).toMatchObject({
      currency: 'USD',
      note: null,
      points: [
        { day: '2026-01-15', before: 0, arr: 12_000, kind: 'new' },
        { day: '2026-06-01', before: 12_000, arr: 18_000, kind: 'expansion' },
      ],
    });
  });

  it('pages with a cursor without repeating or skipping, and keeps the kinds asked for', async () => {
    const s = await story('tl-pages');
    const all = (await timeline(s.admin.email, s.account.id)).json().items as Entry[];
    const seen: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `?limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await timeline(s.admin.email, s.account.id, q);
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...(res.json().items as Entry[]));
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((i) => i.id)).toEqual(all.map((i) => i.id));

    const before = await timeline(s.admin.email, s.account.id, '?before=2026-02-01T00:00:00.000Z&limit=2');
    expect((before.json().items as Entry[]).map((i) => i.kind)).toEqual(['brief.accepted', 'subscription.new']);

    const some = await timeline(s.admin.email, s.account.id, '?kinds=project,signal');
    expect((some.json().items as Entry[]).map((i) => i.kind)).toEqual([
      'project.slipped',
      'signal.raised',
      'project.started',
    ]);
    const bad = await timeline(s.admin.email, s.account.id, '?kinds=project,gossip');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.kinds');
  });

  it('leaves out what the reader may not read: no money without revenue and health access', async () => {
    const s = await story('tl-money');
    const res = await timeline(s.delivery.email, s.account.id);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Entry[];
    expect(items.map((i) => i.kind)).toEqual([
      'survey.nps',
      'project.slipped',
      'signal.raised',
      'project.started',
      'brief.accepted',
      'brief.created',
      'deal.confirmed',
      'deal.won',
    ]);
    expect(res.json().groups).not.toContain('subscription');
    expect(res.json().groups).not.toContain('health');
    expect(items.some((i) => i.sentence.includes('USD'))).toBe(false);
    const asked = await timeline(s.delivery.email, s.account.id, '?kinds=subscription');
    expect(asked.json().items).toEqual([]);
    const history = await (
      await t.login(s.delivery.email)
    ).request({
      method: 'GET',
      url: `/api/v1/revenue/accounts/${s.account.id}/arr-history`,
    });
    expect(history.statusCode).toBe(403);
  });

  it('shows a partner user their firm’s projects and the account’s signals, and no other account', async () => {
    const s = await story('tl-partner');
    const res = await timeline(s.partner.email, s.account.id);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().items as Entry[]).map((i) => i.kind)).toEqual([
      'project.slipped',
      'signal.raised',
      'project.started',
    ]);
    expect((await timeline(s.partner.email, s.other.id)).statusCode).toBe(404);
  });

  it('gives one account’s figures and the portfolio by health band to readers of health', async () => {
    const s = await story('tl-figures');
    const admin = await t.login(s.admin.email);
    const one = await admin.request({ method: 'GET', url: `/api/v1/health/accounts/${s.account.id}` });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({
      accountId: s.account.id,
      account: 'Acme',
      arr: 18_000,
      currency: 'USD',
      chainStage: 'time_to_value',
      signals: ['Acme rollout forecast past its promise'],
      health: null,
    });
    const portfolio = await admin.request({ method: 'GET', url: '/api/v1/health/portfolio' });
    expect(portfolio.json().byBand).toEqual([{ band: null, accounts: 2, arr: 18_000, arrAtRisk: 0 }]);
    const theirs = await story('tl-figures-other');
    const foreign = await admin.request({ method: 'GET', url: `/api/v1/health/accounts/${theirs.account.id}` });
    expect(foreign.statusCode).toBe(404);
    const delivery = await t.login(s.delivery.email);
    expect((await delivery.request({ method: 'GET', url: `/api/v1/health/accounts/${s.account.id}` })).statusCode).toBe(
      403,
    );
  });

  it('answers 404 for another workspace’s account', async () => {
    const s = await story('tl-mine');
    const theirs = await story('tl-theirs');
    expect((await timeline(s.admin.email, theirs.account.id)).statusCode).toBe(404);
  });
});
