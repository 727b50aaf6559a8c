import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrief } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

async function setUp() {
  const ws = await t.workspace(`knowledge-${++n}`);
  const csm = await t.login((await t.user(ws, 'csm')).email);
  return { ws, csm };
}

const post = (c: Client, payload: Record<string, unknown>) =>
  c.request({ method: 'POST', url: '/api/v1/knowledge/articles', payload });
const search = (c: Client, q: string, extra = '') =>
  c.request({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}${extra}` });

/** A small knowledge base whose right answers are known. */
const FIXTURE = [
  {
    externalId: 'sso-cert',
    title: 'Rotate the SAML signing certificate',
    body:
      'When your identity provider issues a new certificate, upload it under Settings → SSO before the old one ' +
      'expires.',
    tags: ['product:sso'],
  },
  {
    externalId: 'sso-setup',
    title: 'Set up single sign-on with Okta',
    body: 'Create a SAML app in Okta, copy the metadata URL, and paste it in Baton. Certificates are read from it.',
    tags: ['product:sso', 'integration:okta'],
  },
  {
    externalId: 'sf-sync',
    title: 'Salesforce sync errors',
    body: 'A sync stops when the integration user loses the API permission. Reconnect Salesforce to resume syncing.',
    tags: ['integration:salesforce'],
  },
  {
    externalId: 'invoices',
    title: 'Download past invoices',
    body: 'Billing admins download every invoice as a PDF from the billing page.',
    tags: ['billing'],
  },
];

async function publishFixture(c: Client) {
  for (const a of FIXTURE) {
    const res = await post(c, { ...a, status: 'published' });
    expect(res.statusCode, res.body).toBe(201);
  }
}

describe('knowledge articles', () => {
  it('creates, reads, changes with versions, lists by tag and deletes', async () => {
    const { csm } = await setUp();
    const created = await post(csm, {
      title: 'Reset a user password',
      body: '# Steps\nOpen **Users**.',
      tags: ['Product: Users', 'how-to'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({
      title: 'Reset a user password',
      tags: ['product:users', 'how-to'],
      status: 'draft',
      source: 'person',
      version: 1,
      externalId: a.id,
      createdAt: NOW.toISOString(),
    });

    const put = await csm.request({
      method: 'PUT',
      url: `/api/v1/knowledge/articles/${a.id}`,
      payload: { body: '# Steps\nOpen **Users**, then Reset.', status: 'published' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 2, status: 'published', title: 'Reset a user password' });

    const same = await csm.request({
      method: 'PUT',
      url: `/api/v1/knowledge/articles/${a.id}`,
      payload: { status: 'published' },
    });
    expect(same.json().version).toBe(2);

    const versions = await csm.request({ method: 'GET', url: `/api/v1/knowledge/articles/${a.id}/versions` });
    expect(versions.json().items.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'draft'],
    ]);
    const first = await csm.request({ method: 'GET', url: `/api/v1/knowledge/articles/${a.id}/versions/1` });
    expect(first.json()).toMatchObject({ version: 1, body: '# Steps\nOpen **Users**.' });

    await post(csm, { title: 'Another', tags: ['billing'] });
    const byTag = await csm.request({ method: 'GET', url: '/api/v1/knowledge/articles?tag=product:users' });
    expect(byTag.json().items.map((x: { id: string }) => x.id)).toEqual([a.id]);

    const del = await csm.request({ method: 'DELETE', url: `/api/v1/knowledge/articles/${a.id}` });
    expect(del.statusCode).toBe(204);
    const gone = await csm.request({ method: 'GET', url: `/api/v1/knowledge/articles/${a.id}` });
    expect(gone.statusCode).toBe(404);
  });

  it('refuses bad input naming the field, and a second article with the same external id', async () => {
    const { csm } = await setUp();
    const noTitle = await post(csm, { title: '  ', body: 'x' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().errors.map((e: { field: string }) => e.field)).toContain('body.title');
    const badTag = await post(csm, { title: 'T', tags: ['colour:red'] });
    expect(badTag.statusCode).toBe(400);
    expect(badTag.json().errors[0].field).toBe('body.tags.0');
    const badStatus = await post(csm, { title: 'T', status: 'live' });
    expect(badStatus.json().errors[0].field).toBe('body.status');
    expect((await post(csm, { title: 'T', externalId: 'dup' })).statusCode).toBe(201);
    const dup = await post(csm, { title: 'T2', externalId: 'dup' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('body.externalId');
    const nothing = await csm.request({
      method: 'PUT',
      url: `/api/v1/knowledge/articles/${(await post(csm, { title: 'U' })).json().id}`,
      payload: {},
    });
    expect(nothing.statusCode).toBe(400);
  });

  it('lets support agents read but not write, and partner users read published articles only', async () => {
    const { ws, csm } = await setUp();
    const draft = (await post(csm, { title: 'Internal draft' })).json();
    const published = (await post(csm, { title: 'Public answer', status: 'published' })).json();
    const agent = await t.login((await t.user(ws, 'support')).email);
    expect((await post(agent, { title: 'No' })).statusCode).toBe(403);
    expect((await agent.request({ method: 'GET', url: `/api/v1/knowledge/articles/${draft.id}` })).statusCode).toBe(
      200,
    );
    const partnerId = await t.partner(ws, 'Partner firm');
    const partner = await t.login((await t.user(ws, 'partner', { partnerId })).email);
    const list = await partner.request({ method: 'GET', url: '/api/v1/knowledge/articles' });
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([published.id]);
    expect((await partner.request({ method: 'GET', url: `/api/v1/knowledge/articles/${draft.id}` })).statusCode).toBe(
      404,
    );
  });

  it('drafts an article from a resolved ticket, and refuses an open one', async () => {
    const { csm } = await setUp();
    const csv = [
      'external_id,subject,description,status,category,tags,created_at,solved_at',
      'T1,Webhook retries,"Webhooks retry 6 times, then stop.",solved,how_to,webhooks,2026-10-01,2026-10-02',
      'T2,Still broken,Nothing yet,open,bug,,2026-10-03,',
    ].join('\n');
    const imported = await csm.request({
      method: 'POST',
      url: '/api/v1/imports/tickets',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const tickets = (await csm.request({ method: 'GET', url: '/api/v1/support/tickets' })).json().items as Array<{
      id: string;
      externalId: string;
    }>;
    const id = (ext: string) => tickets.find((x) => x.externalId === ext)?.id;
    const draft = await csm.request({ method: 'POST', url: `/api/v1/knowledge/articles/from-ticket/${id('T1')}` });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({
      title: 'Webhook retries',
      body: 'Webhooks retry 6 times, then stop.',
      tags: ['how to', 'webhooks'],
      status: 'draft',
      source: 'ticket',
      sourceRef: id('T1'),
    });
    const open = await csm.request({ method: 'POST', url: `/api/v1/knowledge/articles/from-ticket/${id('T2')}` });
    expect(open.statusCode).toBe(400);
    expect(open.json().errors[0].field).toBe('params.ticketId');
  });
});

describe('knowledge search', () => {
  it('ranks a natural question’s best article first, with highlighted snippets', async () => {
    const { csm } = await setUp();
    await publishFixture(csm);
    await post(csm, { title: 'Draft about certificates', body: 'certificate certificate', status: 'draft' });

    const res = await search(csm, 'How do I rotate my SSO certificate?');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ external_id: string; snippet: string; score: number; kind: string }>;
    expect(items[0]).toMatchObject({ kind: 'article', external_id: 'sso-cert' });
    expect(items.map((i) => i.external_id)).toContain('sso-setup');
    expect(items.map((i) => i.external_id)).not.toContain('invoices');
    expect(items.every((i) => i.external_id !== null)).toBe(true);
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.score).toBeGreaterThanOrEqual(items[i]!.score);
    expect(items[0]!.snippet).toMatch(/<mark>certificate<\/mark>/i);

    // Any word may match (OR), stems match (syncing → sync), and the title counts more than the body.
    const sync = (await search(csm, 'why did salesforce stop syncing')).json().items;
    expect(sync[0].external_id).toBe('sf-sync');
    const okta = (await search(csm, 'okta', '&limit=1')).json().items;
    expect(okta.map((i: { external_id: string }) => i.external_id)).toEqual(['sso-setup']);
  });

  it('survives hostile queries and answers nothing for stop words only', async () => {
    const { csm } = await setUp();
    await publishFixture(csm);
    const hostile = [
      '"',
      '*',
      'NEAR(',
      'AND OR',
      "'; drop table knowledge_articles; --",
      'sso:*',
      '((',
      '!&|',
      'x'.repeat(5_000),
    ];
    for (const q of hostile) {
      const res = await search(csm, q);
      expect(res.statusCode, `${q.slice(0, 20)} → ${res.body}`).toBe(200);
    }
    expect((await search(csm, '" OR certificate NEAR(')).json().items[0].external_id).toBe('sso-cert');
    expect((await search(csm, 'how do I')).json().items).toEqual([]);
    const empty = await search(csm, '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('querystring.q');
    const badKind = await search(csm, 'sso', '&kinds=article,secrets');
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors[0].field).toBe('querystring.kinds');
  });

  it('keeps each workspace’s search its own, and drops unpublished and deleted articles', async () => {
    const a = await setUp();
    const b = await setUp();
    await publishFixture(a.csm);
    expect((await search(b.csm, 'certificate')).json().items).toEqual([]);
    const first = (await search(a.csm, 'invoices')).json().items[0];
    expect(first.external_id).toBe('invoices');
    await a.csm.request({ method: 'PUT', url: `/api/v1/knowledge/articles/${first.id}`, payload: { status: 'draft' } });
    expect((await search(a.csm, 'invoices')).json().items).toEqual([]);
    const okta = (await search(a.csm, 'okta')).json().items[0];
    await a.csm.request({ method: 'DELETE', url: `/api/v1/knowledge/articles/${okta.id}` });
    expect((await search(a.csm, 'okta')).json().items).toEqual([]);
  });

  it('finds resolved tickets once reindexed, but not for partner users', async () => {
    const { ws, csm } = await setUp();
    await csm.request({
      method: 'POST',
      url: '/api/v1/imports/tickets',
      headers: { 'content-type': 'text/csv' },
      payload:
        'external_id,subject,description,status,created_at,solved_at\n' +
        'T1,Webhook signature mismatch,Use the raw body to verify,solved,2026-10-01,2026-10-02\n' +
        'T2,Webhook down,open,open,2026-10-01,\n',
    });
    expect((await search(csm, 'webhook signature')).json().items).toEqual([]);
    const queued = await csm.request({ method: 'POST', url: '/api/v1/knowledge/reindex' });
    expect(queued.statusCode).toBe(202);
    await t.runJobs();
    const items = (await search(csm, 'webhook signature')).json().items;
    expect(items.map((i: { kind: string; external_id: string }) => [i.kind, i.external_id])).toEqual([
      ['ticket', 'T1'],
    ]);
    const partnerId = await t.partner(ws, 'Firm');
    const partner = await t.login((await t.user(ws, 'partner', { partnerId })).email);
    expect((await search(partner, 'webhook signature')).json().items).toEqual([]);
  });

  it('finds handoff briefs by their content once reindexed', async () => {
    const { ws, csm } = await setUp();
    const content = {
      technicalEnvironment: 'Okta SSO and a NetSuite ERP',
      painPoints: ['month-end close takes 9 days'],
    };
    const brief = await buildBrief(t.ctx.db, ws, { content: JSON.stringify(content) });
    await csm.request({ method: 'POST', url: '/api/v1/knowledge/reindex' });
    await t.runJobs();
    const items = (await search(csm, 'netsuite month end close', '&kinds=brief')).json().items;
    expect(items).toMatchObject([{ kind: 'brief', id: brief.id, url: `/deals/handoffs/${brief.id}` }]);
    expect(items[0].snippet).toContain('<mark>NetSuite</mark>');
  });
});
