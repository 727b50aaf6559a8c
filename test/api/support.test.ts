import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticTickets } from '../../src/modules/support/classify/fixtures/synthetic-tickets.ts';
import { buildAccount } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** A CSV of tickets in Baton's names; `labelled` ones carry their category, the others none. */
function ticketCsv(items: Array<{ id: string; subject: string; description: string; category: string; org: string }>) {
  return [
    'external_id,subject,description,category,status,organization,created_at',
    ...items.map((i, k) =>
      [
        i.id,
        quote(i.subject),
        quote(i.description),
        i.category,
        k % 2 ? 'open' : 'solved',
        i.org,
        `2026-10-${String((k % 28) + 1).padStart(2, '0')}T0${k % 10}:00:00Z`,
      ].join(','),
    ),
  ].join('\n');
}

async function setUp(options: { labelled?: number; unlabelled?: number } = {}) {
  const ws = await t.workspace(`support-api-${++n}`);
  const agent = await t.login((await t.user(ws, 'support')).email);
  const viewer = await t.login((await t.user(ws, 'viewer')).email);
  const northwind = await buildAccount(t.ctx.db, ws, { name: 'Northwind Traders', domain: 'northwind.example' });
  const labelled = syntheticTickets(options.labelled ?? 0, { seed: n }).map((s, i) => ({
    id: `L${i}`,
    subject: s.subject,
    description: s.description,
    category: s.label,
    org: i % 3 === 0 ? 'Northwind Traders' : 'Elsewhere',
  }));
  // Unlabelled bug reports whose subjects no default rule matches.
  const unlabelled = Array.from({ length: options.unlabelled ?? 0 }, (_, i) => ({
    id: `U${i}`,
    subject: 'the page crashes with an error',
    description: 'stack trace attached below. this used to work yesterday',
    category: '',
    org: 'Northwind Traders',
  }));
  const items = [...labelled, ...unlabelled];
  if (items.length) {
    const res = await agent.request({
      method: 'POST',
      url: '/api/v1/imports/tickets',
      headers: { 'content-type': 'text/csv' },
      payload: ticketCsv(items),
    });
    expect(res.json(), res.body).toMatchObject({ created: items.length, rejected: 0 });
  }
  return { ws, agent, viewer, northwind };
}

const get = (c: Client, url: string) => c.request({ method: 'GET', url });
const ids = (res: { json(): { items: Array<{ externalId: string }> } }) => res.json().items.map((i) => i.externalId);

describe('support tickets API', () => {
  it('lists tickets newest first by page, filtered by account, category, status and unmatched', async () => {
    const s = await setUp({ labelled: 12 });
    const all = await get(s.viewer, '/api/v1/support/tickets?limit=200');
    expect(all.statusCode, all.body).toBe(200);
    const items = all.json().items as Array<{
      externalId: string;
      createdAt: string;
      accountId: string | null;
      category: string;
      status: string;
    }>;
    expect(items).toHaveLength(12);
    expect(items.map((i) => i.createdAt)).toEqual(
      items
        .map((i) => i.createdAt)
        .sort()
        .reverse(),
    );

    const pages: string[] = [];
    let cursor = '';
    do {
      const page = await get(s.viewer, `/api/v1/support/tickets?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(...ids(page));
      cursor = page.json().nextCursor ?? '';
    } while (cursor);
    expect(pages).toEqual(items.map((i) => i.externalId));

    const mine = ids(await get(s.viewer, `/api/v1/support/tickets?account=${s.northwind.id}`));
    expect(mine.sort()).toEqual(
      items
        .filter((i) => i.accountId === s.northwind.id)
        .map((i) => i.externalId)
        .sort(),
    );
    const category = items[0]!.category;
    const byCategory = ids(await get(s.viewer, `/api/v1/support/tickets?category=${category}&status=open`));
    expect(byCategory.sort()).toEqual(
      items
        .filter((i) => i.category === category && i.status === 'open')
        .map((i) => i.externalId)
        .sort(),
    );
    const unmatched = ids(await get(s.viewer, '/api/v1/support/tickets?unmatched=true&limit=200'));
    expect(unmatched.sort()).toEqual(
      items
        .filter((i) => i.accountId === null)
        .map((i) => i.externalId)
        .sort(),
    );

    const one = await get(s.viewer, `/api/v1/support/tickets/${(items[0] as unknown as { id: string }).id}`);
    expect(one.json()).toMatchObject({ externalId: items[0]!.externalId, categorySource: 'source' });
  });

  it('refuses bad filters, a bad cursor and a bad category naming the field, changing nothing', async () => {
    const s = await setUp({ labelled: 2 });
    const bad = await get(s.viewer, '/api/v1/support/tickets?category=urgent');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('querystring.category');
    const cursor = await get(s.viewer, '/api/v1/support/tickets?cursor=nonsense');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0].field).toBe('query.cursor');

    const [ticket] = (await get(s.agent, '/api/v1/support/tickets')).json().items;
    const patch = await s.agent.request({
      method: 'PATCH',
      url: `/api/v1/support/tickets/${ticket.id}`,
      payload: { category: 'complaint' },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.category']);
    expect((await get(s.agent, `/api/v1/support/tickets/${ticket.id}`)).json()).toMatchObject({
      category: ticket.category,
      categorySource: 'source',
    });
  });

  it('lets a support agent correct a category (kept over a re-import), not a viewer', async () => {
    const s = await setUp({ labelled: 3 });
    const [ticket] = (await get(s.agent, '/api/v1/support/tickets')).json().items;
    const other = ticket.category === 'billing' ? 'other' : 'billing';
    const refused = await s.viewer.request({
      method: 'PATCH',
      url: `/api/v1/support/tickets/${ticket.id}`,
      payload: { category: other },
    });
    expect(refused.statusCode).toBe(403);
    const done = await s.agent.request({
      method: 'PATCH',
      url: `/api/v1/support/tickets/${ticket.id}`,
      payload: { category: other },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ category: other, categorySource: 'person' });

    const reimport = await s.agent.request({
      method: 'POST',
      url: '/api/v1/imports/tickets',
      headers: { 'content-type': 'text/csv' },
      payload: ticketCsv([{ id: ticket.externalId, subject: 'changed', description: 'now', category: '', org: 'x' }]),
    });
    expect(reimport.json()).toMatchObject({ updated: 1 });
    expect((await get(s.agent, `/api/v1/support/tickets/${ticket.id}`)).json()).toMatchObject({
      subject: 'changed',
      category: other,
      categorySource: 'person',
    });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('workspace_id', '=', s.ws)
      .where('action', '=', 'ticket.categorize')
      .execute();
    expect(audit).toEqual([{ action: 'ticket.categorize', entity_id: ticket.id }]);
  });

  it('trains the classifier as a job, shows its figures, and labels the unlabelled tickets', async () => {
    const s = await setUp({ labelled: 60, unlabelled: 4 });
    expect((await get(s.viewer, '/api/v1/support/model')).json()).toEqual({ model: null });
    const unlabelled = await t.ctx.db
      .selectFrom('tickets')
      .select(['category', 'category_source'])
      .where('workspace_id', '=', s.ws)
      .where('external_id', 'like', 'U%')
      .execute();
    expect(unlabelled.every((u) => u.category === null && u.category_source === null)).toBe(true);

    expect((await s.viewer.request({ method: 'POST', url: '/api/v1/support/model/train' })).statusCode).toBe(403);
    const queued = await s.agent.request({ method: 'POST', url: '/api/v1/support/model/train' });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(await t.runJobs({ now: NOW })).toEqual([]);

    const model = (await get(s.viewer, '/api/v1/support/model')).json().model;
    expect(model).toMatchObject({ n: 60, folds: 5, trainedAt: NOW.toISOString() });
    expect(model.accuracy).toBeGreaterThan(0.8);
    expect(model.macroF1).toBeGreaterThan(0.8);
    expect(Object.keys(model.perClass).sort()).toContain('bug');
    const labelled = await t.ctx.db
      .selectFrom('tickets')
      .select(['category', 'category_source'])
      .where('workspace_id', '=', s.ws)
      .where('external_id', 'like', 'U%')
      .execute();
    expect(labelled).toEqual(Array(4).fill({ category: 'bug', category_source: 'model' }));
  });

  it('refuses to train on fewer than ten labelled tickets, saying how many there are', async () => {
    const s = await setUp({ labelled: 4 });
    const res = await s.agent.request({ method: 'POST', url: '/api/v1/support/model/train' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'tickets', message: expect.stringContaining('4 tickets are labelled') },
    ]);
  });

  it('measures an account’s load after go-live: tickets per 100 seats, how-to share, response and resolution hours', async () => {
    const s = await setUp();
    const admin = await t.login((await t.user(s.ws, 'admin')).email);
    const project = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { accountId: s.northwind.id, name: 'Northwind rollout' },
    });
    expect(project.statusCode, project.body).toBe(201);
    await t.ctx.db
      .updateTable('projects')
      .set({ status: 'live', go_live_on: '2026-09-01' })
      .where('id', '=', project.json().id)
      .execute();
    const seats = await admin.request({
      method: 'PUT',
      url: `/api/v1/usage/accounts/${s.northwind.id}/seats`,
      payload: { seats: 20 },
    });
    expect(seats.statusCode, seats.body).toBe(200);
    const csv = [
      'external_id,subject,category,organization,created_at,first_response_at,solved_at',
      'A,How do I add users,how_to,Northwind Traders,2026-09-02T09:00:00Z,2026-09-02T11:00:00Z,2026-09-02T21:00:00Z',
      'B,Where is the export,how_to,Northwind Traders,2026-09-20T09:00:00Z,2026-09-20T13:00:00Z,',
      'C,Sync broken,bug,Northwind Traders,2026-10-15T09:00:00Z,2026-10-15T15:00:00Z,2026-10-16T09:00:00Z',
      'D,Before go-live,bug,Northwind Traders,2026-08-15T09:00:00Z,,',
    ].join('\n');
    await s.agent.request({
      method: 'POST',
      url: '/api/v1/imports/tickets',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    const load = await get(s.viewer, `/api/v1/support/accounts/${s.northwind.id}/load`);
    expect(load.statusCode, load.body).toBe(200);
    expect(load.json()).toMatchObject({
      goLive: '2026-09-01',
      seats: 20,
      windows: [
        { days: 30, tickets: 2, per100Seats: 10, complete: true },
        { days: 60, tickets: 3, per100Seats: 15, complete: true },
        { days: 90, tickets: 3, per100Seats: 15, complete: false },
      ],
      tickets: 3,
      howToShare: 0.667,
      medianFirstResponseHours: 4,
      medianResolutionHours: 18,
    });
    expect((await get(s.viewer, '/api/v1/support/accounts/nope/load')).statusCode).toBe(404);
  });
});

describe('support keyword rules', () => {
  it('shows the default rules, replaces them (used by the next import), and refuses a bad one naming it', async () => {
    const s = await setUp();
    const rules = (await get(s.viewer, '/api/v1/support/rules')).json().rules;
    expect(rules.map((r: { category: string }) => r.category)).toEqual(['billing', 'how_to']);

    const put = (c: Client, body: object) => c.request({ method: 'PUT', url: '/api/v1/support/rules', payload: body });
    expect((await put(s.viewer, { rules: [] })).statusCode).toBe(403);
    const bad = await put(s.agent, {
      rules: [
        { category: 'bug', any: ['crash'] },
        { category: 'bug', any: ['/(/'] },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.rules.1.any']);
    const wrong = await put(s.agent, { rules: [{ category: 'urgent', any: ['x'] }] });
    expect(wrong.json().errors[0].field).toBe('body.rules.0.category');
    expect((await get(s.viewer, '/api/v1/support/rules')).json().rules).toEqual(rules);

    const ok = await put(s.agent, { rules: [{ category: 'bug', any: ['crash', 'crashes'], field: 'subject' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    await s.agent.request({
      method: 'POST',
      url: '/api/v1/imports/tickets',
      headers: { 'content-type': 'text/csv' },
      payload: 'external_id,subject,created_at\nR1,App crashes on start,2026-10-01\nR2,Invoice please,2026-10-01\n',
    });
    const items = (await get(s.viewer, '/api/v1/support/tickets')).json().items;
    expect(
      items.map((i: { externalId: string; category: string | null }) => `${i.externalId}:${i.category}`).sort(),
    ).toEqual(['R1:bug', 'R2:null']);
  });
});
