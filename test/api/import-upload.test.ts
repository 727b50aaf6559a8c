import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let ws: string;
let admin: Client;
let sales: Client;

beforeAll(async () => {
  t = await createTestApp({ BATON_IMPORT_MAX_MB: '1' });
  ws = await t.workspace('uploads');
  admin = await t.login((await t.user(ws, 'admin')).email);
  sales = await t.login((await t.user(ws, 'sales')).email);
});
afterAll(async () => t?.close());

const qs = (query: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  ).toString();

const upload = (
  client: Client,
  path: string,
  csv: string | PassThrough,
  query: Record<string, unknown> = {},
  contentType = 'text/csv',
) =>
  client.request({
    method: 'POST',
    url: `/api/v1/imports/${path}?${qs(query)}`,
    headers: { 'content-type': contentType },
    payload: csv,
  });

const count = async (table: 'accounts' | 'contacts' | 'deals', workspaceId: string) =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A workspace of the test's own, with an admin and a sales member signed in. */
async function setUp(slug: string): Promise<{ ws: string; admin: Client; sales: Client }> {
  const id = await t.workspace(slug);
  return {
    ws: id,
    admin: await t.login((await t.user(id, 'admin')).email),
    sales: await t.login((await t.user(id, 'sales')).email),
  };
}

const CONTACTS =
  'Id,AccountId,FirstName,LastName,Email,Title\n003UP1,001UP0000000000001,Ana,Silva,ana@company-1.example,CFO\n003UP2,001UP0000000000099,Bo,Chen,bo@x.example,CTO\n';
const DEALS = 'Record ID,Deal Name,Deal Stage,Amount,Close Date\n9001,Company 1 renewal,closedwon,1200,2026-10-01\n';

/** A Salesforce Account export of `n` accounts (API names), with a custom Tier__c column for the segment. */
function salesforceAccounts(
  n: number,
  change: (i: number) => Partial<Record<'Tier__c' | 'Website', string>> = () => ({}),
): string {
  const lines = ['Id,IsDeleted,Name,Website,Industry,BillingCountry,Tier__c'];
  for (let i = 1; i <= n; i++) {
    const row = {
      Website: `www.company-${i}.example`,
      Tier__c: i % 3 === 0 ? 'Enterprise' : 'Mid-Market',
      ...change(i),
    };
    lines.push(
      `001UP${String(i).padStart(13, '0')},,"Company ${i}, Inc.",${row.Website},Software,United States,${row.Tier__c}`,
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const SF = { columns: { segment: 'Tier__c' } };

describe('import preview', () => {
  it('detects the format, maps the columns and shows the first 20 rows as Baton reads them, writing nothing', async () => {
    const { ws, sales } = await setUp('preview');
    const csv = salesforceAccounts(25, (i) => (i === 4 ? { Tier__c: 'Gold' } : {}));
    const res = await upload(sales, 'accounts/preview', csv, SF);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ kind: 'accounts', format: 'salesforce', detected: true, problems: [] });
    expect(p.mapping).toEqual(
      expect.arrayContaining([
        { column: 'Id', field: 'external_id', sample: '001UP0000000000001' },
        { column: 'Name', field: 'name', sample: 'Company 1, Inc.' },
        { column: 'Website', field: 'domain', sample: 'www.company-1.example' },
        { column: 'Tier__c', field: 'segment', sample: 'Mid-Market' },
        { column: 'IsDeleted', field: null, sample: null },
      ]),
    );
    expect(p.rows).toHaveLength(20);
    expect(p.rows[0]).toMatchObject({
      row: 1,
      values: { name: 'Company 1, Inc.', domain: 'company-1.example', segment: 'mid_market', country: 'US' },
      errors: [],
    });
    expect(p.rows[3].errors).toEqual([
      { row: 4, field: 'segment', reason: expect.stringContaining('"Gold" is not a segment') },
    ]);
    expect(p.rows[3].values.segment).toBe('Gold');
    expect(p.fields.map((f: { name: string }) => f.name)).toContain('lifecycle_phase');
    expect(p.maxBytes).toBe(1024 * 1024);
    expect(await count('accounts', ws)).toBe(0);
  });

  it('answers a file it cannot place with its header and the problem, so the page can map it', async () => {
    const res = await upload(admin, 'accounts/preview', 'Customer,Web\nAcme,acme.example\n');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      format: null,
      headers: ['Customer', 'Web'],
      mapping: [
        { column: 'Customer', field: null, sample: 'Acme' },
        { column: 'Web', field: null, sample: 'acme.example' },
      ],
    });
    expect(res.json().problems[0]).toMatch(/could not tell which CRM/);
    const mapped = await upload(admin, 'accounts/preview', 'Customer,Web\nAcme,acme.example\n', {
      mapping: { Customer: 'name', Web: 'domain' },
      defaults: { segment: 'smb' },
    });
    expect(mapped.json()).toMatchObject({
      format: 'mapped',
      problems: [],
      rows: [{ values: { name: 'Acme', domain: 'acme.example' } }],
    });
  });

  it('reports the date order the file proves, and reads the preview with it', async () => {
    const csv = 'Customer,Renews\nAcme,02/23/27\nGlobex,03/04/27\n';
    const p = (
      await upload(admin, 'accounts/preview', csv, {
        mapping: { Customer: 'name', Renews: 'renewal_date' },
        defaults: { segment: 'smb' },
      })
    ).json();
    expect(p.dateOrder).toMatchObject({ order: 'mdy', status: 'proven' });
    expect(p.rows.map((r: { values: { renewal_date: string } }) => r.values.renewal_date)).toEqual([
      '2027-02-23',
      '2027-03-04',
    ]);
  });

  it('shows a mapping still missing a required field as a problem to fix, not a refusal', async () => {
    for (const [kind, mapping] of [
      ['accounts', { Id: 'external_id' }],
      ['deals', { Id: 'external_id' }],
    ] as const) {
      const res = await upload(admin, `${kind}/preview`, 'Id,Customer\n1,Acme\n', {
        mapping,
        defaults: kind === 'accounts' ? { segment: 'smb' } : undefined,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().problems.join(' ')).toMatch(/name/);
      expect(res.json().rows[0].errors.map((e: { field: string }) => e.field)).toContain('name');
    }
  });

  it('refuses a mapping onto an unknown field with 400 naming the option and the field', async () => {
    const res = await upload(admin, 'accounts/preview', 'Customer\nAcme\n', { mapping: { Customer: 'nmae' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'querystring.mapping', message: expect.stringContaining('"nmae", which is not a field') },
      ]),
    );
  });
});

describe('importing an upload', () => {
  it('dry-runs the whole file with the full report, writing nothing', async () => {
    const { ws, admin, sales } = await setUp('dry-run');
    const runId = randomUUID();
    const res = await upload(sales, 'accounts', salesforceAccounts(30), {
      ...SF,
      dryRun: 'true',
      runId,
      fileName: 'Account.csv',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      runId,
      kind: 'accounts',
      format: 'salesforce',
      dryRun: true,
      read: 30,
      created: 30,
      rejected: 0,
    });
    expect(await count('accounts', ws)).toBe(0);
    const run = (await admin.request({ method: 'GET', url: `/api/v1/imports/${runId}` })).json();
    expect(run).toMatchObject({
      id: runId,
      status: 'succeeded',
      dryRun: true,
      read: 30,
      created: 30,
      fileName: 'Account.csv',
    });
  });

  it('imports, then changes nothing on the same file, and updates only a changed row', async () => {
    const { ws, sales } = await setUp('reimport');
    const first = await upload(sales, 'accounts', salesforceAccounts(30), SF);
    expect(first.json()).toMatchObject({ dryRun: false, read: 30, created: 30, updated: 0, unchanged: 0, rejected: 0 });
    expect(await count('accounts', ws)).toBe(30);
    const again = await upload(sales, 'accounts', salesforceAccounts(30), SF);
    expect(again.json()).toMatchObject({ read: 30, created: 0, updated: 0, unchanged: 30 });
    const changed = await upload(
      sales,
      'accounts',
      salesforceAccounts(30, (i) => (i === 7 ? { Tier__c: 'Enterprise' } : {})),
      SF,
    );
    expect(changed.json()).toMatchObject({ read: 30, created: 0, updated: 1, unchanged: 29 });
    const row = await t.ctx.db
      .selectFrom('accounts')
      .select(['segment'])
      .where('workspace_id', '=', ws)
      .where('name', '=', 'Company 7, Inc.')
      .executeTakeFirstOrThrow();
    expect(row.segment).toBe('enterprise');
    expect(await count('accounts', ws)).toBe(30);
  });

  it('rejects a bad row, naming its row and field, and lands the others; the rejected rows download as CSV', async () => {
    const { admin, sales } = await setUp('bad-row');
    const csv = salesforceAccounts(5, (i) => (i === 3 ? { Tier__c: 'Platinum', Website: 'not a site' } : {}))
      .replaceAll('001UP', '001BR')
      .replaceAll('company-', 'branch-')
      .replaceAll('Company ', 'Branch ');
    const res = await upload(sales, 'accounts', csv, { ...SF, fileName: 'bad.csv' });
    const report = res.json();
    expect(report).toMatchObject({ read: 5, created: 4, rejected: 1 });
    expect(report.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'domain'],
      [3, 'segment'],
    ]);
    const download = await admin.request({ method: 'GET', url: `/api/v1/imports/${report.runId}/errors` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('text/csv');
    expect(download.headers['content-disposition']).toContain('bad-rejected.csv');
    const lines = download.body.trim().split('\r\n');
    expect(lines[0]).toBe('row,field,reason');
    expect(lines[1]).toMatch(/^3,domain,"column ""Website"": ""not a site"" is not a web domain/);
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = `Customer\n${'A very long company name that repeats\n'.repeat(30_000)}`;
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const declared = await upload(admin, 'accounts', big, {
      mapping: { Customer: 'name' },
      defaults: { segment: 'smb' },
    });
    expect(declared.statusCode).toBe(413);
    expect(declared.headers['content-type']).toContain('application/problem+json');
    const stream = new PassThrough();
    const streamed = upload(admin, 'accounts/preview', stream, {
      mapping: { Customer: 'name' },
      defaults: { segment: 'smb' },
    });
    for (let i = 0; i < 40; i++) stream.write(`Customer ${i}\n`.padEnd(40_000, 'x'));
    stream.end();
    expect((await streamed).statusCode).toBe(413);
  });

  it('refuses a body that is not CSV with 415', async () => {
    const json = await admin.request({ method: 'POST', url: '/api/v1/imports/accounts', payload: { name: 'Acme' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().detail).toMatch(/text\/csv/);
    const plain = await upload(admin, 'contacts', 'Name\nAna\n', {}, 'text/plain');
    expect(plain.statusCode).toBe(415);
    const empty = await upload(admin, 'contacts', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/no header line/);
  });

  it('refuses an import run id used before (409)', async () => {
    const runId = randomUUID();
    const csv = 'Customer\nRun Once Ltd\n';
    const query = { mapping: { Customer: 'name' }, defaults: { segment: 'smb' }, runId };
    expect((await upload(admin, 'accounts', csv, query)).statusCode).toBe(200);
    expect((await upload(admin, 'accounts', csv, query)).statusCode).toBe(409);
  });

  it('shows the rows read so far while an upload streams in', async () => {
    const runId = randomUUID();
    const stream = new PassThrough();
    const pending = upload(sales, 'accounts', stream, {
      mapping: { Id: 'external_id', Customer: 'name' },
      defaults: { segment: 'smb' },
      runId,
    });
    stream.write('Id,Customer\n');
    for (let i = 1; i <= 4500; i++) stream.write(`P-${i},Progress ${i}\n`);
    let run: { status: string; read: number } | undefined;
    for (let attempt = 0; attempt < 200; attempt++) {
      const res = await admin.request({ method: 'GET', url: `/api/v1/imports/${runId}` });
      if (res.statusCode === 200) {
        run = res.json();
        if ((run?.read ?? 0) >= 4000) break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(run).toMatchObject({ status: 'running' });
    expect(run?.read).toBeGreaterThanOrEqual(4000);
    expect(run?.read).toBeLessThan(4500);
    stream.end('P-4501,Progress 4501\n');
    expect((await pending).json()).toMatchObject({ read: 4501, created: 4501 });
    expect((await admin.request({ method: 'GET', url: `/api/v1/imports/${runId}` })).json()).toMatchObject({
      status: 'succeeded',
      read: 4501,
    });
  });

  it('imports contacts against the accounts imported before, and deals through the same upload', async () => {
    const { ws, sales } = await setUp('contacts');
    expect((await upload(sales, 'accounts', salesforceAccounts(30), SF)).json()).toMatchObject({ created: 30 });
    const report = (await upload(sales, 'contacts', CONTACTS)).json();
    expect(report).toMatchObject({ kind: 'contacts', format: 'salesforce', created: 1, rejected: 1 });
    expect(report.errors[0]).toMatchObject({ row: 2, field: 'account_external_id' });
    expect((await upload(sales, 'deals', DEALS)).json()).toMatchObject({
      kind: 'deals',
      format: 'hubspot-export',
      created: 1,
    });
    expect(await count('deals', ws)).toBe(1);
  });

  it('lists past imports, newest first, with their kind and counts', async () => {
    const { admin, sales } = await setUp('history');
    for (const [path, csv, query] of [
      ['accounts', salesforceAccounts(30), SF],
      ['accounts', salesforceAccounts(30), SF],
      ['contacts', CONTACTS, {}],
      ['deals', DEALS, {}],
    ] as const) {
      const res = await upload(sales, path, csv, query);
      expect(res.statusCode, res.body).toBe(200);
    }
    const page = (await admin.request({ method: 'GET', url: '/api/v1/imports?limit=3' })).json();
    expect(page.items).toHaveLength(3);
    expect(page.items[0]).toMatchObject({ kind: 'deals', status: 'succeeded', created: 1 });
    expect(page.nextCursor).not.toBeNull();
    const contacts = (await admin.request({ method: 'GET', url: '/api/v1/imports?kind=contacts' })).json();
    expect(contacts.items.map((r: { kind: string }) => r.kind)).toEqual(['contacts']);
  });

  it('audits every run that wrote, once, with its file and counts, and no dry run', async () => {
    const { ws, sales } = await setUp('audited');
    for (const [path, csv, query] of [
      ['accounts', salesforceAccounts(30), { ...SF, dryRun: 'true', fileName: 'Account.csv' }],
      ['accounts', salesforceAccounts(30), { ...SF, fileName: 'Account.csv' }],
      ['accounts', salesforceAccounts(30), SF],
      ['contacts', CONTACTS, { fileName: 'Contact.csv' }],
      ['deals', DEALS, {}],
    ] as const) {
      const res = await upload(sales, path, csv, query);
      expect(res.statusCode, res.body).toBe(200);
    }
    const runs = await t.ctx.db
      .selectFrom('import_runs')
      .select(['id', 'kind', 'dry_run', 'status', 'file_name', 'created'])
      .where('workspace_id', '=', ws)
      .execute();
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select(['entity_id', 'action', 'after_json', 'actor_label'])
      .where('workspace_id', '=', ws)
      .where('entity_type', '=', 'import_run')
      .execute();
    const wrote = runs.filter((r) => r.dry_run === 0 && r.status === 'succeeded');
    expect(wrote.length).toBeGreaterThanOrEqual(4);
    expect(runs.some((r) => r.dry_run === 1)).toBe(true);
    expect(audits.map((a) => a.entity_id).sort()).toEqual(wrote.map((r) => r.id).sort());
    for (const run of wrote) {
      const audit = audits.find((a) => a.entity_id === run.id);
      expect(audit?.action).toBe(
        { accounts: 'account.import', contacts: 'contact.import', deals: 'deal.import' }[run.kind],
      );
      expect(JSON.parse(audit?.after_json ?? '{}')).toMatchObject({
        file: run.file_name,
        created: run.created,
        read: expect.any(Number),
        rejected: expect.any(Number),
      });
    }
  });

  it('lets only roles with imports:run upload', async () => {
    const viewer = await t.login((await t.user(ws, 'viewer')).email);
    expect((await upload(viewer, 'accounts/preview', 'Customer\nAcme\n')).statusCode).toBe(403);
    expect((await viewer.request({ method: 'GET', url: '/api/v1/imports' })).statusCode).toBe(200);
  });
});
