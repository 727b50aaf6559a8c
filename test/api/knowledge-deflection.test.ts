import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

const ARTICLES = [
  {
    externalId: 'sso-cert',
    title: 'Rotate the SAML signing certificate',
    body:
      'When your identity provider issues a new certificate, upload it under Settings → SSO before the old one ' +
      'expires.',
  },
  {
    externalId: 'sf-sync',
    title: 'Salesforce sync errors',
    body: 'A sync stops when the integration user loses the API permission. Reconnect Salesforce to resume syncing.',
  },
  { externalId: 'invoices', title: 'Download past invoices', body: 'Billing admins download every invoice as a PDF.' },
];

async function setUp() {
  const ws = await t.workspace(`deflection-${++n}`);
  const csm = await t.login((await t.user(ws, 'csm')).email);
  const ids: Record<string, string> = {};
  for (const a of ARTICLES) {
    const res = await csm.request({
      method: 'POST',
      url: '/api/v1/knowledge/articles',
      payload: { ...a, status: 'published' },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[a.externalId] = res.json().id;
  }
  return { ws, csm, ids };
}

const suggest = (c: Client, payload: Record<string, unknown>) =>
  c.request({ method: 'POST', url: '/api/v1/knowledge/deflections', payload });
const answer = (c: Client, id: string, payload: Record<string, unknown>) =>
  c.request({ method: 'POST', url: `/api/v1/knowledge/deflections/${id}/answer`, payload });
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

describe('deflection', () => {
  it(
    'suggests the best articles, records one answer per suggestion, and measures the rate from answers ' + 'only',
    async () => {
      const s = await setUp();
      const first = await suggest(s.csm, { query: 'How do I rotate our SAML certificate?' });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json().channel).toBe('staff');
      expect(first.json().articles[0].external_id).toBe('sso-cert');
      const id = first.json().id as string;

      expect((await answer(s.csm, id, { helped: true, articleId: s.ids['sso-cert'] })).statusCode).toBe(204);
      const again = await answer(s.csm, id, { helped: false });
      expect(again.statusCode).toBe(409);

      const second = (await suggest(s.csm, { query: 'salesforce stopped syncing', limit: 2 })).json();
      expect(second.articles[0].external_id).toBe('sf-sync');
      const wrong = await answer(s.csm, second.id, { helped: true, articleId: s.ids.invoices });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toEqual([{ field: 'body.articleId', message: 'not one of the articles suggested' }]);
      expect((await answer(s.csm, second.id, { helped: false })).statusCode).toBe(204);
      // Asked and never answered: counted as a suggestion, not as helped.
      await suggest(s.csm, { query: 'where are my invoices' });
      // Nothing in the knowledge base answers this one.
      const none = (await suggest(s.csm, { query: 'quantum teleportation roadmap' })).json();
      expect(none.articles).toEqual([]);

      const report = await s.csm.request({
        method: 'GET',
        url: '/api/v1/knowledge/deflections/report?from=2026-11-01&to=2026-11-30',
      });
      expect(report.statusCode, report.body).toBe(200);
      expect(report.json()).toMatchObject({
        suggestions: 4,
        withArticles: 3,
        answered: 2,
        helped: 1,
        notHelped: 1,
        deflectionRate: 0.5,
        coverage: 0.75,
        byChannel: [{ channel: 'staff', suggestions: 4, answered: 2, helped: 1 }],
        topArticles: [{ articleId: s.ids['sso-cert'], helped: 1 }],
      });
      expect(report.json().sentence).toBe(
        '1 of the 2 people who answered were helped by an article (50 %); 2 of 4 suggestions were not answered and ' +
          'count for nothing. 75 % of the questions found an article.',
      );
    },
  );

  it('refuses bad input naming the field, and another workspace’s suggestion', async () => {
    const s = await setUp();
    const short = await suggest(s.csm, { query: 'a' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('body.query');
    const range = await s.csm.request({
      method: 'GET',
      url: '/api/v1/knowledge/deflections/report?from=2026-11-30&to=2026-11-01',
    });
    expect(range.statusCode).toBe(400);
    expect(range.json().errors[0].field).toBe('querystring.to');
    const other = await setUp();
    const theirs = (await suggest(other.csm, { query: 'rotate the certificate' })).json().id as string;
    expect((await answer(s.csm, theirs, { helped: true })).statusCode).toBe(404);
  });

  it('suggests for a ticket from its subject and description', async () => {
    const s = await setUp();
    const agent = await t.login((await t.user(s.ws, 'support')).email);
    await buildAccount(t.ctx.db, s.ws, { name: 'Northwind Traders' });
    const imported = await agent.request({
      method: 'POST',
      url: '/api/v1/imports/tickets',
      headers: { 'content-type': 'text/csv' },
      payload:
        'external_id,subject,description,status,organization,created_at\n' +
        'Z-1,Sync broken,"Salesforce records stopped syncing since Monday",new,Northwind Traders,2026-11-19T10:00:00Z',
    });
    expect(imported.json(), imported.body).toMatchObject({ rejected: 0 });
    const ticket = (await agent.request({ method: 'GET', url: '/api/v1/support/tickets' })).json().items[0];
    const res = await s.csm.request({ method: 'POST', url: `/api/v1/knowledge/tickets/${ticket.id}/deflections` });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().channel).toBe('ticket');
    expect(res.json().articles[0].external_id).toBe('sf-sync');
    const missing = await s.csm.request({ method: 'POST', url: '/api/v1/knowledge/tickets/nope/deflections' });
    expect(missing.statusCode).toBe(404);
  });

  it('answers a help widget authenticated by the ingest key, from any origin, and nothing without it', async () => {
    const s = await setUp();
    const key = await t.apiKey(s.ws, 'ingest');
    const asked = await t.inject({
      method: 'POST',
      url: '/embed/v1/deflections',
      headers: { authorization: basic(key), origin: 'https://app.customer.example' },
      payload: { query: 'How can I download an old invoice?', userId: 'u-42' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.headers['access-control-allow-origin']).toBe('*');
    expect(asked.json().channel).toBe('widget');
    expect(asked.json().articles[0].external_id).toBe('invoices');
    const answered = await t.inject({
      method: 'POST',
      url: `/embed/v1/deflections/${asked.json().id}/answer`,
      headers: { authorization: basic(key) },
      payload: { helped: true },
    });
    expect(answered.statusCode).toBe(204);
    const row = await t.ctx.db
      .selectFrom('knowledge_deflections')
      .select(['end_user', 'outcome', 'helped_article_id'])
      .where('id', '=', asked.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ end_user: 'u-42', outcome: 'helped', helped_article_id: s.ids.invoices });

    const anonymous = await t.inject({ method: 'POST', url: '/embed/v1/deflections', payload: { query: 'invoices' } });
    expect(anonymous.statusCode).toBe(401);
    const wrong = await t.inject({
      method: 'POST',
      url: '/embed/v1/deflections',
      headers: { authorization: basic('bk_not-a-key') },
      payload: { query: 'invoices' },
    });
    expect(wrong.statusCode).toBe(401);
  });
});
