import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { hasSharedData, sharedFile } from '../helpers/shared-data.ts';

let t: TestApp;
let slugs = 0;

beforeAll(async () => {
  t = await createTestApp();
  await t.workspace('acme');
  await t.workspace('shared');
});
afterAll(async () => t?.close());

const upload = async (client: Client, kind: string, csv: string, query = '') => {
  const res = await client.request({
    method: 'POST',
    url: `/api/v1/imports/${kind}${query}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const accountIdOf = async (ws: string, name: string) =>
  (
    await t.ctx.db
      .selectFrom('accounts')
      .select('id')
      .where('workspace_id', '=', ws)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const accountOfBrief = async (ws: string, externalId: string) =>
  (
    await t.ctx.db
      .selectFrom('handoff_briefs as b')
      .innerJoin('deals as d', 'd.id', 'b.deal_id')
      .select('b.account_id')
      .where('b.workspace_id', '=', ws)
      .where('d.external_id', '=', externalId)
      .executeTakeFirstOrThrow()
  ).account_id;
const accountOfDeal = async (ws: string, externalId: string) => {
  const d = await t.ctx.db
    .selectFrom('deals')
    .select(['account_id'])
    .where('workspace_id', '=', ws)
    .where('external_id', '=', externalId)
    .executeTakeFirstOrThrow();
  if (!d.account_id) return null;
  return (await t.ctx.db.selectFrom('accounts').select('name').where('id', '=', d.account_id).executeTakeFirstOrThrow())
    .name;
};

// Salesforce exports as Data Loader writes them: an Opportunity names its account by AccountId only.
const ACCOUNTS =
  'Id,Name,Website\n001A000001,Northwind Traders,northwind.example\n001A000002,Contoso,contoso.example\n001A000003,Fabrikam,fabrikam.example\n';
const OPPORTUNITIES = (ids: string[]) =>
  `Id,AccountId,Name,StageName,Amount,CloseDate,IsClosed,IsWon\n${ids.map((a, i) => `006A00000${i + 1},${a},Deal ${i + 1},Closed Won,1000,2026-10-0${i + 1},true,true`).join('\n')}\n`;

/** A workspace of its own and its admin. */
async function setUp() {
  const ws = await t.workspace(`links-${++slugs}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  return { ws, admin };
}

/**
 * Won deals confirmed at once (so each gets its handoff brief); three Salesforce accounts imported, then three
 * opportunities naming their account by id: two of those accounts, and one Baton does not know yet (001A999999).
 */
async function salesforceAccountsAndDeals({ admin }: Awaited<ReturnType<typeof setUp>>): Promise<void> {
  const guard = await admin.request({
    method: 'PUT',
    url: '/api/v1/settings/deal-guard',
    payload: { signed: false, financeConfirmed: false },
  });
  expect(guard.statusCode).toBe(200);
  expect(await upload(admin, 'accounts', ACCOUNTS, '?defaults=%7B%22segment%22%3A%22smb%22%7D')).toMatchObject({
    created: 3,
  });
  expect(await upload(admin, 'deals', OPPORTUNITIES(['001A000001', '001A000002', '001A999999']))).toMatchObject({
    created: 3,
  });
}

describe('deals and their accounts', () => {
  it('links a deal to the account its CRM names by id, with no account name in the file', async () => {
    const { ws, admin } = await setUp();
    // Won deals confirmed at once, so each gets its handoff brief.
    expect(
      (
        await admin.request({
          method: 'PUT',
          url: '/api/v1/settings/deal-guard',
          payload: { signed: false, financeConfirmed: false },
        })
      ).statusCode,
    ).toBe(200);
    expect(await upload(admin, 'accounts', ACCOUNTS, '?defaults=%7B%22segment%22%3A%22smb%22%7D')).toMatchObject({
      format: 'salesforce',
      created: 3,
    });
    expect(await upload(admin, 'deals', OPPORTUNITIES(['001A000001', '001A000002', '001A999999']))).toMatchObject({
      format: 'salesforce',
      created: 3,
    });
    expect(await accountOfDeal(ws, '006A000001')).toBe('Northwind Traders');
    expect(await accountOfDeal(ws, '006A000002')).toBe('Contoso');
    expect(await accountOfDeal(ws, '006A000003'), 'an account Baton does not know yet').toBeNull();
    expect(await accountOfBrief(ws, '006A000001')).toBe(await accountIdOf(ws, 'Northwind Traders'));
    expect(await accountOfBrief(ws, '006A000003')).toBeNull();
    const listed = (await admin.request({ method: 'GET', url: '/api/v1/deals?limit=10' })).json().items;
    const deal1 = listed.find((d: { name: string }) => d.name === 'Deal 1');
    expect(deal1.accountId).toBeTruthy();
    expect(deal1.accountName, 'the linked account’s name, though the file named none').toBe('Northwind Traders');
    expect(listed.find((d: { name: string }) => d.name === 'Deal 3').accountName, 'no account known yet').toBeNull();
    expect((await admin.request({ method: 'GET', url: `/api/v1/deals/${deal1.id}` })).json().accountName).toBe(
      'Northwind Traders',
    );
  });

  it('links waiting deals once their account is imported or created, and never guesses between two accounts of one name', async () => {
    const w = await setUp();
    const { ws, admin } = w;
    await salesforceAccountsAndDeals(w);
    expect(
      await upload(
        admin,
        'accounts',
        'Id,Name,Website\n001A999999,Initech,initech.example\n',
        '?defaults=%7B%22segment%22%3A%22smb%22%7D',
      ),
    ).toMatchObject({ created: 1 });
    expect(await accountOfDeal(ws, '006A000003'), 'linked by a job, after the import commits').toBeNull();
    expect(await t.runJobs()).toEqual([]);
    expect(await accountOfDeal(ws, '006A000003')).toBe('Initech');
    expect(
      await accountOfBrief(ws, '006A000003'),
      'the brief of a deal won before its account was known follows the deal',
    ).toBe(await accountIdOf(ws, 'Initech'));

    // Deals named by account name only (a mapped file): linked when the account is created through the API.
    const mapped =
      'Deal ID,Title,Status,Customer\nM-1,Globex renewal,Closed Won,Globex\nM-2,Umbrella pilot,Closed Won,Umbrella\n';
    const query = `?mapping=${encodeURIComponent(JSON.stringify({ 'Deal ID': 'external_id', Title: 'name', Status: 'stage', Customer: 'account' }))}`;
    expect(await upload(admin, 'deals', mapped, query)).toMatchObject({ created: 2 });
    expect(await accountOfDeal(ws, 'M-1')).toBeNull();
    for (const name of ['Globex', 'Umbrella', 'Umbrella']) {
      expect(
        (await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name, segment: 'smb' } }))
          .statusCode,
      ).toBe(201);
    }
    expect(await t.runJobs()).toEqual([]);
    expect(await accountOfDeal(ws, 'M-1')).toBe('Globex');
    expect(await accountOfDeal(ws, 'M-2'), 'two accounts are named Umbrella').toBeNull();
  });

  it('keeps a deal’s account when a later import names another', async () => {
    const w = await setUp();
    const { ws, admin } = w;
    await salesforceAccountsAndDeals(w);
    await upload(admin, 'deals', OPPORTUNITIES(['001A000003', '001A000002', '001A999999']));
    expect(await accountOfDeal(ws, '006A000001')).toBe('Northwind Traders');
  });

  it.skipIf(!hasSharedData)(
    'links the shared Salesforce opportunities to their accounts, whichever file comes first',
    async () => {
      const dir = ['salesforce-sample', 'sfdc-assets-data-cloud-workshop'] as const;
      const accounts = fs.readFileSync(sharedFile(...dir, 'Account.csv'), 'utf8');
      const opportunities = fs.readFileSync(sharedFile(...dir, 'Opportunity.csv'), 'utf8');
      const rows = parse(opportunities, { bom: true, columns: true }) as Array<{
        Id: string;
        AccountId: string;
        IsDeleted: string;
      }>;
      const known = new Set((parse(accounts, { bom: true, columns: true }) as Array<{ Id: string }>).map((a) => a.Id));
      const expected = rows.filter(
        (r) => r.IsDeleted !== '1' && r.IsDeleted.toLowerCase() !== 'true' && known.has(r.AccountId),
      ).length;
      expect(expected).toBeGreaterThan(0);

      const shared = await t.login(
        (
          await t.user(
            (
              await t.ctx.db
                .selectFrom('workspaces')
                .select('id')
                .where('slug', '=', 'shared')
                .executeTakeFirstOrThrow()
            ).id,
            'admin',
          )
        ).email,
      );
      await upload(shared, 'deals', opportunities);
      const linked = async () =>
        Number(
          (
            await t.ctx.db
              .selectFrom('deals as d')
              .innerJoin('workspaces as w', 'w.id', 'd.workspace_id')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('w.slug', '=', 'shared')
              .where('d.account_id', 'is not', null)
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await linked()).toBe(0);
      await upload(shared, 'accounts', accounts, '?defaults=%7B%22segment%22%3A%22mid_market%22%7D');
      expect(await t.runJobs()).toEqual([]);
      expect(await linked()).toBe(expected);
    },
  );
});
