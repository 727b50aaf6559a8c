import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../helpers/fixtures/index.ts';
import { FIXTURE_NOW } from '../helpers/fixtures/sequence.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

/** A workspace with a support agent, Northwind (Salesforce id 001NW, northwind.example) and Contoso. */
async function setUp() {
  const ws = await t.workspace(`support-import-${++n}`);
  const agent = await t.login((await t.user(ws, 'support')).email);
  const northwind = await buildAccount(t.ctx.db, ws, { name: 'Northwind Traders', domain: 'northwind.example' });
  const contoso = await buildAccount(t.ctx.db, ws, { name: 'Contoso', domain: 'contoso.example' });
  await t.ctx.db
    .insertInto('account_external_ids')
    .values({
      workspace_id: ws,
      source: 'salesforce',
      external_id: '001NW',
      account_id: northwind.id,
      created_at: FIXTURE_NOW,
    })
    .execute();
  return { ws, agent, northwind, contoso };
}

const upload = (client: Client, csv: string, query = '') =>
  client.request({
    method: 'POST',
    url: `/api/v1/imports/tickets${query}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });

const tickets = (ws: string) =>
  t.ctx.db.selectFrom('tickets').selectAll().where('workspace_id', '=', ws).orderBy('external_id').execute();

const byId = async (ws: string) => new Map((await tickets(ws)).map((r) => [r.external_id, r]));

describe('baton import tickets (upload)', () => {
  it('reads Zendesk’s export: accounts by organization or domain, categories by type or rule', async () => {
    const s = await setUp();
    const csv = [
      'Id,Subject,Description,Status,Priority,Type,Requester email,Organization,Created at,Solved ' +
        'at,Tags,Satisfaction Score',
      '101,How do I add a user?,Asking for a colleague,solved,normal,,ann@northwind.example,,2026-10-01 09:00:00 ' +
        '+0000,2026-10-01 15:30:00 +0000,onboarding users,Good',
      '102,Export crashes,Stack trace attached,open,high,incident,bo@else.example,Contoso,2026-10-02 10:00:00 +0000,,,',
      '103,Charged twice this month,Please refund,pending,low,,x@nowhere.example,Unknown Ltd,2026-10-03 11:00:00 ' +
        '+0000,,billing,Bad',
      '104,Dashboard idea,Would love dark mode,open,low,,y@nowhere.example,,2026-10-04 12:00:00 +0000,,,',
    ].join('\n');
    const res = await upload(s.agent, csv);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ format: 'zendesk', created: 4, rejected: 0 });
    expect(report.notes.join(' ')).toContain('2 tickets name no account');

    const rows = await byId(s.ws);
    expect(rows.get('101')).toMatchObject({
      source: 'zendesk',
      account_id: s.northwind.id,
      category: 'how_to',
      category_source: 'rule',
      solved_at: '2026-10-01T15:30:00.000Z',
      satisfaction: 'Good',
    });
    expect(JSON.parse(rows.get('101')!.tags)).toEqual(['onboarding', 'users']);
    expect(rows.get('102')).toMatchObject({ account_id: s.contoso.id, category: 'bug', category_source: 'source' });
    expect(rows.get('103')).toMatchObject({ account_id: null, category: 'billing', category_source: 'rule' });
    expect(rows.get('104')).toMatchObject({ account_id: null, category: null, category_source: null });

    const unmatched = await s.agent.request({ method: 'GET', url: '/api/v1/support/tickets?unmatched=true' });
    expect(unmatched.json().items.map((i: { externalId: string }) => i.externalId)).toEqual(['104', '103']);
  });

  it('reads a Salesforce Case export: account by AccountId, Type words by --alias, deleted cases skipped', async () => {
    const s = await setUp();
    const csv = [
      'Id,CaseNumber,Subject,Description,Status,Priority,Origin,Type,AccountId,SuppliedEmail,CreatedDate,' +
        'ClosedDate,LastModifiedDate,IsDeleted',
      '500A,00001001,SSO setup,Where is the SAML page,Closed,Medium,Email,Setup ' +
        'Help,001NW,,2026-09-01T08:00:00.000+0000,2026-09-02T08:00:00.000+0000,2026-09-02T08:00:00.000+0000,false',
      '500B,00001002,Old ' +
        'case,gone,Closed,Low,Web,Question,001NW,,2026-09-01T08:00:00.000+0000,,2026-09-02T08:00:00.000+0000,true',
      '500C,00001003,Report wrong,Totals ' +
        'off,New,High,Phone,Problem,,ops@contoso.example,2026-09-03T08:00:00.000+0000,,' +
        '2026-09-03T08:00:00.000+0000,false',
    ].join('\n');
    const aliases = encodeURIComponent(JSON.stringify({ category: { 'Setup Help': 'configuration' } }));
    const res = await upload(s.agent, csv, `?aliases=${aliases}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'salesforce', created: 2, skipped: 1, rejected: 0 });
    const rows = await byId(s.ws);
    expect(rows.get('500A')).toMatchObject({
      account_id: s.northwind.id,
      category: 'configuration',
      category_source: 'source',
      channel: 'email',
    });
    expect(rows.get('500C')).toMatchObject({
      account_id: s.contoso.id,
      category: 'bug',
      requester_email: 'ops@contoso.example',
    });
    expect(rows.has('500B')).toBe(false);

    const wrong = await upload(s.agent, csv, `?aliases=${encodeURIComponent('{"category":{"Setup Help":"setup"}}')}`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toContain('not a category');
  });

  it('reads HubSpot’s ticket export and Fivetran’s zendesk.ticket table', async () => {
    const s = await setUp();
    const hubspot = [
      'Ticket ID,Ticket name,Ticket description,Ticket status,Priority,Category,Create date,Close date,Associated ' +
        'Company',
      '9001,Invoice missing VAT,Need VAT number on invoice,Closed,LOW,BILLING_ISSUE,2026-08-01 10:00,2026-08-02 ' +
        '10:00,Northwind Traders',
      '9002,Feature: bulk edit,Please add bulk edit,New,MEDIUM,FEATURE_REQUEST,2026-08-03 10:00,,Nobody Inc',
    ].join('\n');
    const h = await upload(s.agent, hubspot);
    expect(h.statusCode, h.body).toBe(200);
    expect(h.json()).toMatchObject({ format: 'hubspot', created: 2 });
    const fivetran = [
      'id,subject,description,status,priority,type,via_channel,requester_id,organization_id,created_at,' +
        'updated_at,_fivetran_deleted,_fivetran_synced',
      '7,Cannot log in,Password reset loops,open,urgent,problem,web,55,contoso.example,2026-08-05 ' +
        '09:00:00,2026-08-05 10:00:00,false,2026-08-06 00:00:00',
      '8,Gone,deleted,closed,low,question,email,56,,2026-08-05 09:00:00,2026-08-05 10:00:00,true,2026-08-06 00:00:00',
    ].join('\n');
    const f = await upload(s.agent, fivetran);
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json()).toMatchObject({ format: 'fivetran', created: 1, skipped: 1 });
    const rows = await byId(s.ws);
    expect(rows.get('9001')).toMatchObject({ source: 'hubspot', account_id: s.northwind.id, category: 'billing' });
    expect(rows.get('9002')).toMatchObject({
      account_id: null,
      category: 'feature_request',
      category_source: 'source',
    });
    expect(rows.get('7')).toMatchObject({
      source: 'zendesk',
      account_id: s.contoso.id,
      category: 'bug',
      channel: 'web',
    });
  });

  it('updates on re-import, never duplicates, and never lets an older updated_at replace a newer one', async () => {
    const s = await setUp();
    const head = 'external_id,subject,status,created_at,updated_at,organization';
    const first = [
      head,
      'T1,Login fails,open,2026-10-01,2026-10-01T10:00:00Z,Contoso',
      'T2,Where is X,open,2026-10-01,,Contoso',
    ];
    expect((await upload(s.agent, first.join('\n'))).json()).toMatchObject({ format: 'csv', created: 2 });
    expect((await upload(s.agent, first.join('\n'))).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const newer = [head, 'T1,Login fails,solved,2026-10-01,2026-10-03T10:00:00Z,Contoso'];
    expect((await upload(s.agent, newer.join('\n'))).json()).toMatchObject({ created: 0, updated: 1 });
    const older = [head, 'T1,Login fails,open,2026-10-01,2026-10-02T10:00:00Z,Contoso'];
    const stale = (await upload(s.agent, older.join('\n'))).json();
    expect(stale).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(stale.notes.join(' ')).toContain('older than the ticket already stored');

    const rows = await tickets(s.ws);
    expect(rows.map((r) => r.external_id)).toEqual(['T1', 'T2']);
    expect(rows[0]).toMatchObject({ status: 'solved', updated_at: '2026-10-03T10:00:00.000Z' });
  });

  it('reports bad rows (a bad date, a missing id, no text) by row and field, and writes none of them', async () => {
    const s = await setUp();
    const csv = [
      'external_id,subject,created_at,solved_at,requester_email',
      'OK1,Fine,2026-10-01,,',
      'BAD1,Bad date,2026-13-45,,',
      ',No id,2026-10-02,,',
      'BAD3,,2026-10-02,,',
      'BAD4,Solved first,2026-10-05,2026-10-01,',
      'BAD5,Bad mail,2026-10-05,,not-an-email',
    ].join('\n');
    const res = await upload(s.agent, csv);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ created: 1, rejected: 5 });
    const errs = report.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`).sort();
    expect(errs).toEqual(['2:created_at', '3:external_id', '4:subject', '5:solved_at', '6:requester_email']);
    expect((await tickets(s.ws)).map((r) => r.external_id)).toEqual(['OK1']);
  });

  it('keeps tickets of unknown accounts aside and matches them when the account appears', async () => {
    const s = await setUp();
    const admin = await t.login((await t.user(s.ws, 'admin')).email);
    const csv = ['external_id,subject,created_at,requester_email', 'W1,Hello,2026-10-01,pat@fabrikam.example'].join(
      '\n',
    );
    expect((await upload(s.agent, csv)).json()).toMatchObject({ created: 1 });
    expect((await tickets(s.ws))[0]!.account_id).toBeNull();

    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Fabrikam', domain: 'fabrikam.example', segment: 'smb' },
    });
    expect(created.statusCode, created.body).toBe(201);
    // accounts.appeared queued the match (at the queue's own time): run what is due.
    expect(await t.runJobs()).toEqual([]);
    expect((await tickets(s.ws))[0]!.account_id).toBe(created.json().id);
    const unmatched = await s.agent.request({ method: 'GET', url: '/api/v1/support/tickets?unmatched=true' });
    expect(unmatched.json().items).toEqual([]);
  });

  it('imports a file without ids through --map, keyed by its content so a re-import changes nothing', async () => {
    const s = await setUp();
    const csv = [
      'repo,created_at,label,title,body',
      'acme/app,2023-08-26 06:33:37,bug,Crash on save,"Steps:\n1. save"',
      'acme/app,2023-08-27 06:33:37,question,How to configure,"Where, exactly?"',
      'acme/app,2023-08-28 06:33:37,feature,Dark mode,please',
    ].join('\n');
    const mapping = encodeURIComponent(
      JSON.stringify({
        title: 'subject',
        body: 'description',
        label: 'category',
        created_at: 'created_at',
        repo: 'organization',
      }),
    );
    const first = await upload(s.agent, csv, `?mapping=${mapping}`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ format: 'mapped', created: 3 });
    expect((await upload(s.agent, csv, `?mapping=${mapping}`)).json()).toMatchObject({ created: 0, unchanged: 3 });
    const categories = (await tickets(s.ws)).map((r) => `${r.subject}:${r.category}:${r.category_source}`).sort();
    expect(categories).toEqual([
      'Crash on save:bug:source',
      'Dark mode:feature_request:source',
      'How to configure:how_to:source',
    ]);
  });
});
