import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLesson } from '../../src/modules/knowledge/lesson.service.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { buildAccount, buildBrief, buildDeal, buildPlaybook, buildProject } from '../helpers/fixtures/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => new Date('2026-11-20T12:00:00.000Z') });
});
afterAll(async () => t?.close());

/** A project on a deal selling `products`, a brief naming `integrations`, an account of `segment`. */
async function implementation(
  ws: string,
  o: {
    playbookId: string;
    products: string[];
    integrations: string[];
    segment: 'enterprise' | 'mid_market' | 'smb';
    status: string;
    partnerId?: string;
    dates?: { kickoff_on?: string; promised_go_live?: string; go_live_on?: string };
  },
) {
  const account = await buildAccount(t.ctx.db, ws, { segment: o.segment, partner_id: o.partnerId ?? null });
  const deal = await buildDeal(t.ctx.db, ws, { account_id: account.id, products: JSON.stringify(o.products) });
  const content = { integrations: o.integrations.map((system) => ({ system, purpose: '' })) };
  const brief = await buildBrief(t.ctx.db, ws, {
    deal_id: deal.id,
    account_id: account.id,
    state: 'accepted',
    content: JSON.stringify(content),
  });
  return buildProject(t.ctx.db, ws, {
    account_id: account.id,
    deal_id: deal.id,
    handoff_id: brief.id,
    playbook_id: o.playbookId,
    status: o.status,
    partner_id: o.partnerId ?? null,
    ...o.dates,
  });
}

async function setUp() {
  const ws = await t.workspace(`knowledge-similar-${++n}`);
  const partnerId = await t.partner(ws, `Partner ${n}`);
  const pb = (await buildPlaybook(t.ctx.db, ws, { name: 'Enterprise onboarding' })).id;
  const other = (await buildPlaybook(t.ctx.db, ws, { name: 'Quick start' })).id;
  const base = { playbookId: pb, segment: 'enterprise' as const };
  const target = await implementation(ws, {
    ...base,
    products: ['Analytics', 'Workflow'],
    integrations: ['Salesforce', 'NetSuite'],
    status: 'active',
  });
  const closest = await implementation(ws, {
    ...base,
    products: ['Analytics'],
    integrations: ['salesforce'],
    status: 'closed',
    dates: { kickoff_on: '2026-01-05', promised_go_live: '2026-03-01', go_live_on: '2026-03-20' },
  });
  const samePlaybook = await implementation(ws, {
    playbookId: pb,
    products: ['Mobile'],
    integrations: [],
    segment: 'smb',
    status: 'live',
  });
  const unlike = await implementation(ws, {
    playbookId: other,
    products: ['Mobile'],
    integrations: [],
    segment: 'smb',
    status: 'live',
  });
  const running = await implementation(ws, { ...base, products: ['Analytics'], integrations: [], status: 'active' });
  const partners = await implementation(ws, {
    ...base,
    products: ['Workflow'],
    integrations: ['NetSuite'],
    status: 'live',
    partnerId,
  });
  await addLesson(
    t.ctx.db,
    SYSTEM_ACTOR,
    { workspaceId: ws, partnerId: null },
    closest.id,
    { kind: 'lesson', text: 'Map the NetSuite subsidiaries before the first sync.' },
    '2026-03-25T10:00:00.000Z',
  );
  const lead = await t.login((await t.user(ws, 'delivery')).email);
  const partner = await t.login((await t.user(ws, 'partner', { partnerId })).email);
  return { ws, target, closest, samePlaybook, unlike, running, partners, lead, partner };
}

describe('similar implementations', () => {
  it('ranks past projects by playbook, products, integrations and segment, with lessons and durations', async () => {
    const s = await setUp();
    const res = await s.lead.request({ method: 'GET', url: `/api/v1/projects/${s.target.id}/similar` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.compared).toEqual(['playbook', 'products', 'integrations', 'segment']);
    expect(body.considered).toBe(4);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([s.closest.id, s.partners.id, s.samePlaybook.id]);
    const [first] = body.items;
    expect(first.score).toBe(0.73);
    expect(first.matched.map((m: { dimension: string; shared: string[] }) => [m.dimension, m.shared])).toEqual([
      ['playbook', ['Enterprise onboarding']],
      ['products', ['Analytics']],
      ['integrations', ['salesforce']],
      ['segment', ['enterprise']],
    ]);
    expect(first.duration).toMatchObject({ plannedDays: 55, actualDays: 74, overDays: 19 });
    expect(first.lessons).toMatchObject([
      { kind: 'lesson', text: 'Map the NetSuite subsidiaries before the first sync.' },
    ]);
    expect(first.url).toBe(`/delivery/projects/${s.closest.id}`);

    const one = await s.lead.request({ method: 'GET', url: `/api/v1/projects/${s.target.id}/similar?limit=1` });
    expect(one.json().items).toHaveLength(1);
  });

  it('shows a partner user only their firm’s projects, and no project of theirs to compare with another', async () => {
    const s = await setUp();
    const own = await s.partner.request({ method: 'GET', url: `/api/v1/projects/${s.partners.id}/similar` });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().considered).toBe(0);
    const notTheirs = await s.partner.request({ method: 'GET', url: `/api/v1/projects/${s.target.id}/similar` });
    expect(notTheirs.statusCode).toBe(404);
  });

  it('refuses a bad limit naming it, and another workspace’s project', async () => {
    const a = await setUp();
    const b = await setUp();
    const bad = await a.lead.request({ method: 'GET', url: `/api/v1/projects/${a.target.id}/similar?limit=0` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('querystring.limit');
    const foreign = await a.lead.request({ method: 'GET', url: `/api/v1/projects/${b.target.id}/similar` });
    expect(foreign.statusCode).toBe(404);
  });
});
