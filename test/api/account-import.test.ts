import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/modules/accounts/account.service.ts';
import {
  importAccounts,
  importContacts,
  type RecordImportInput,
} from '../../src/modules/accounts/account-import.service.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { addPersonDirectly } from '../../src/platform/identity/operator.service.ts';
import { createWorkspace } from '../../src/platform/identity/workspace.service.ts';
import type { ImportRequest } from '../../src/platform/imports/importer.ts';
import { hasSharedData, sharedFile } from '../helpers/shared-data.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const workspace = async (slug: string) => (await createWorkspace(t.db, SYSTEM_ACTOR, { slug })).id;
const fromFile = (file: string) => ({ open: () => file });
const fromText = (text: string) => ({ open: () => Readable.from([Buffer.from(text)]) });
const run = (
  what: 'accounts' | 'contacts',
  workspaceId: string,
  input: RecordImportInput['input'],
  request: ImportRequest = {},
  extra: Partial<RecordImportInput> = {},
) =>
  (what === 'accounts' ? importAccounts : importContacts)(t.db, {
    workspaceId,
    actor: SYSTEM_ACTOR,
    input,
    fileName: 'test.csv',
    request,
    ...extra,
  });

/** The file's rows as an independent CSV parser reads them (BOM stripped, header as keys). */
const rowsOf = (file: string): Array<Record<string, string>> =>
  parse(fs.readFileSync(file), { bom: true, columns: true, skip_empty_lines: true });

const accounts = (ws: string) =>
  t.db.selectFrom('accounts').selectAll().where('workspace_id', '=', ws).orderBy('name').execute();
const contacts = (ws: string) =>
  t.db.selectFrom('contacts').selectAll().where('workspace_id', '=', ws).orderBy('name').execute();
const truthy = (v: string | undefined) => ['1', 'true'].includes((v ?? '').trim().toLowerCase());

describe.skipIf(!hasSharedData)('importing the shared Salesforce and Fivetran account and contact files', () => {
  it('imports the Data Loader Account and Contact exports, and again changes nothing', async () => {
    const ws = await workspace('sf-workshop-accounts');
    const accountFile = sharedFile('salesforce-sample', 'sfdc-assets-data-cloud-workshop', 'Account.csv');
    const source = rowsOf(accountFile);
    const deleted = source.filter((r) => truthy(r.IsDeleted)).length;
    const report = await run('accounts', ws, fromFile(accountFile), { defaults: { segment: 'mid_market' } });
    expect(report).toMatchObject({
      format: 'salesforce',
      read: source.length,
      created: source.length - deleted,
      skipped: deleted,
      rejected: 0,
      errors: [],
    });
    const stored = await accounts(ws);
    expect(stored).toHaveLength(source.length - deleted);
    expect(stored.filter((a) => a.country === 'US')).toHaveLength(
      source.filter((r) => r.BillingCountry === 'United States').length,
    );
    const walker = source.find((r) => (r.Website ?? '').includes('Walker')) as Record<string, string>;
    const account = stored.find((a) => a.name === walker.Name);
    expect(account).toMatchObject({
      domain: (walker.Website ?? '').toLowerCase().replace(/^www\./, ''),
      industry: walker.Industry,
      segment: 'mid_market',
      lifecycle_phase: 'onboarding',
    });

    const contactFile = sharedFile('salesforce-sample', 'sfdc-assets-data-cloud-workshop', 'Contact.csv');
    const people = rowsOf(contactFile);
    const accountIds = new Set(source.map((r) => r.Id));
    const placed = people.filter((p) => accountIds.has(p.AccountId));
    const orphans = people.filter((p) => p.AccountId === '');
    expect(placed.length + orphans.length).toBe(people.length);
    const contactReport = await run('contacts', ws, fromFile(contactFile));
    expect(contactReport).toMatchObject({
      format: 'salesforce',
      read: people.length,
      created: placed.length,
      rejected: orphans.length,
    });
    expect(new Set(contactReport.errors.map((e) => e.field))).toEqual(new Set(['account']));
    // Every contact hangs on the account its AccountId names.
    const links = await t.db
      .selectFrom('contacts')
      .innerJoin('account_external_ids', 'account_external_ids.account_id', 'contacts.account_id')
      .select(['contacts.email', 'account_external_ids.external_id'])
      .where('contacts.workspace_id', '=', ws)
      .execute();
    expect(Object.fromEntries(links.map((l) => [l.email, l.external_id]))).toEqual(
      Object.fromEntries(placed.map((p) => [(p.Email ?? '').toLowerCase(), p.AccountId])),
    );

    expect(await run('accounts', ws, fromFile(accountFile), { defaults: { segment: 'mid_market' } })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: source.length - deleted,
    });
    expect(await run('contacts', ws, fromFile(contactFile))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: placed.length,
      rejected: orphans.length,
    });
  });

  it('imports the Excel-reshaped exports, reading MM/DD/YY dates as the file proves and rejecting bad emails', async () => {
    const ws = await workspace('sf-devorg-accounts');
    const accountFile = sharedFile('salesforce-sample', 'devorg-sample-powerbi', 'Account.csv');
    const source = rowsOf(accountFile);
    const deleted = source.filter((r) => truthy(r.IsDeleted)).length;
    expect(await run('accounts', ws, fromFile(accountFile), { defaults: { segment: 'smb' } })).toMatchObject({
      read: source.length,
      created: source.length - deleted,
      rejected: 0,
    });

    const contactFile = sharedFile('salesforce-sample', 'devorg-sample-powerbi', 'Contact.csv');
    const people = rowsOf(contactFile);
    const badEmail = people.filter((p) => p.Email !== '' && !/^[^@\s]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(p.Email ?? ''));
    expect(badEmail.length).toBeGreaterThan(0);
    const report = await run('contacts', ws, fromFile(contactFile));
    expect(report).toMatchObject({
      read: people.length,
      created: people.length - badEmail.length,
      rejected: badEmail.length,
    });
    expect(report.errors.map((e) => e.field)).toEqual(badEmail.map(() => 'email'));
    expect(report.notes.join(' ')).toContain('month/day/year');
    const touched = people.find((p) => /^\d\d\/\d\d\/\d\d$/.test(p.LastActivityDate ?? '')) as Record<string, string>;
    const [mm, dd, yy] = (touched.LastActivityDate ?? '').split('/');
    const stored = (await contacts(ws)).find((c) => c.name === touched.Name);
    expect(stored?.last_touch_at).toBe(`20${yy}-${mm}-${dd}T00:00:00.000Z`);
    const noEmail = (await contacts(ws)).filter((c) => c.email === null).map((c) => c.name);
    expect(noEmail.sort()).toEqual(
      people
        .filter((p) => p.Email === '')
        .map((p) => p.Name)
        .sort(),
    );
    expect(await run('contacts', ws, fromFile(contactFile))).toMatchObject({
      created: 0,
      unchanged: people.length - badEmail.length,
    });
  });

  it('skips the deleted and superseded rows of the Fivetran Salesforce account table, saying why', async () => {
    const ws = await workspace('ft-sf-accounts');
    const file = sharedFile('fivetran-schema-seeds', 'salesforce', 'sf_account_data.csv');
    const source = rowsOf(file);
    const gone = source.filter((r) => truthy(r.is_deleted) || r._fivetran_active === 'false').length;
    const report = await run('accounts', ws, fromFile(file), { defaults: { segment: 'smb' } });
    expect(report).toMatchObject({
      format: 'fivetran-salesforce',
      read: source.length,
      skipped: gone,
      created: source.length - gone,
      rejected: 0,
    });
    expect(report.notes.join(' ')).toMatch(/skipped: deleted in Salesforce/);
  });

  it('imports the Fivetran HubSpot company table, reading country names as ISO codes', async () => {
    const ws = await workspace('ft-hs-companies');
    const file = sharedFile('fivetran-schema-seeds', 'hubspot', 'company_data.csv');
    const source = rowsOf(file);
    const report = await run('accounts', ws, fromFile(file), { defaults: { segment: 'enterprise' } });
    expect(report).toMatchObject({
      format: 'fivetran-hubspot',
      read: source.length,
      created: source.length,
      rejected: 0,
    });
    const stored = await accounts(ws);
    expect(stored.filter((a) => a.country === 'GB')).toHaveLength(
      source.filter((r) => r.property_country === 'United Kingdom').length,
    );
    expect(stored.filter((a) => a.country === 'US')).toHaveLength(
      source.filter((r) => r.property_country === 'United States').length,
    );
  });
});

describe('HubSpot UI exports', () => {
  const companies = [
    'Record ID,Company name,Company owner,Create Date,Company Domain Name,Industry,Country/Region,Segment',
    '5001,Northwind Traders,Jane Doe,2024-02-01 09:30,northwind.example,COMPUTER_SOFTWARE,United States,Mid-Market',
    '5002,Contoso,Sam Unknown,2024-03-02 10:00,https://www.contoso.example/,RETAIL,Germany,Strategic',
    '5003,Fabrikam,,2024-04-03 11:00,,,France,SMB',
  ].join('\n');
  const people = [
    'Record ID,First Name,Last Name,Email,Job Title,Associated Company IDs (Primary),Associated Company (Primary),Buying Role,Last Activity Date',
    '701,Ana,Silva,Ana.Silva@northwind.example,VP Operations,5001,Northwind Traders,Champion,2026-10-02 14:05',
    '702,Ben,Ode,ben@contoso.example,CFO,5002,Contoso,Decision Maker,',
    '703,Cleo,Ng,cleo@fabrikam.example,Analyst,,Fabrikam,Influencer,',
    '704,Dev,Rao,dev@nowhere.example,CTO,5999,,,',
  ].join('\n');

  it('reads companies with their segment through aliases, and owners by member name', async () => {
    const ws = await workspace('hs-export');
    const { member: jane } = await addPersonDirectly(t.db, SYSTEM_ACTOR, ws, {
      email: 'jane@vendor.example',
      name: 'Jane Doe',
      role: 'sales',
      password: 'correct-horse-battery',
      partnerId: null,
    });
    const unaliased = await run('accounts', ws, fromText(companies), { columns: { segment: 'Segment' } });
    expect(unaliased).toMatchObject({ format: 'hubspot-export', created: 2, rejected: 1 });
    expect(unaliased.errors).toEqual([
      { row: 2, field: 'segment', reason: expect.stringContaining('"Strategic" is not a segment') },
    ]);
    const report = await run('accounts', ws, fromText(companies), {
      columns: { segment: 'Segment' },
      aliases: { segment: { Strategic: 'enterprise' } },
    });
    expect(report).toMatchObject({ created: 1, unchanged: 2, rejected: 0 });
    expect(report.notes.join(' ')).toContain('Sam Unknown');
    const stored = await accounts(ws);
    expect(stored.map((a) => [a.name, a.domain, a.segment, a.country, a.ae_user_id])).toEqual([
      ['Contoso', 'contoso.example', 'enterprise', 'DE', null],
      ['Fabrikam', null, 'smb', 'FR', null],
      ['Northwind Traders', 'northwind.example', 'mid_market', 'US', jane.id],
    ]);
  });

  it('reads contacts, placing each by its company id or name and its buying role through aliases', async () => {
    const ws = await workspace('hs-export-contacts');
    await run('accounts', ws, fromText(companies), {
      columns: { segment: 'Segment' },
      aliases: { segment: { Strategic: 'enterprise' } },
    });
    const report = await run('contacts', ws, fromText(people), {
      aliases: { role: { 'Decision Maker': 'executive_sponsor' } },
    });
    expect(report).toMatchObject({ format: 'hubspot-export', read: 4, created: 2, rejected: 2 });
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'role'],
      [4, 'account_external_id'],
    ]);
    expect(report.errors[1]?.reason).toMatch(/no account imported from hubspot with id 5999/);
    const stored = await contacts(ws);
    expect(stored.map((c) => [c.name, c.email, c.title, c.role, c.last_touch_at])).toEqual([
      ['Ana Silva', 'ana.silva@northwind.example', 'VP Operations', 'champion', '2026-10-02T14:05:00.000Z'],
      ['Ben Ode', 'ben@contoso.example', 'CFO', 'executive_sponsor', null],
    ]);
  });
});

describe('matching, idempotence and refusals', () => {
  const mapping = {
    Id: 'external_id',
    Company: 'name',
    Web: 'domain',
    Tier: 'segment',
    Phase: 'lifecycle_phase',
    Renews: 'renewal_date',
  };

  it('finds an account Baton already has by domain, else by exact name, and remembers its CRM id', async () => {
    const ws = await workspace('matching');
    const scope = { workspaceId: ws, partnerId: null };
    const byDomain = await createAccount(t.db, SYSTEM_ACTOR, scope, {
      name: 'Acme Corporation',
      domain: 'acme.example',
      segment: 'smb',
    });
    const byName = await createAccount(t.db, SYSTEM_ACTOR, scope, { name: 'Globex', segment: 'smb' });
    const csv =
      'Id,Company,Web,Tier,Phase,Renews\nA-1,Acme Corp,www.acme.example,enterprise,live,2027-01-31\nA-2,Globex,,smb,,\nA-3,Initech,initech.example,mid_market,,\n';
    const first = await run('accounts', ws, fromText(csv), { mapping });
    expect(first).toMatchObject({ format: 'mapped', read: 3, created: 1, updated: 2, unchanged: 0, rejected: 0 });
    const stored = await accounts(ws);
    expect(stored).toHaveLength(3);
    expect(stored.find((a) => a.id === byDomain.id)).toMatchObject({
      name: 'Acme Corp',
      segment: 'enterprise',
      lifecycle_phase: 'live',
      renewal_date: '2027-01-31',
    });
    expect(stored.find((a) => a.id === byName.id)).toMatchObject({
      name: 'Globex',
      segment: 'smb',
      lifecycle_phase: 'onboarding',
    });
    const links = await t.db
      .selectFrom('account_external_ids')
      .select(['source', 'external_id', 'account_id'])
      .where('workspace_id', '=', ws)
      .orderBy('external_id')
      .execute();
    expect(links.map((l) => [l.source, l.external_id])).toEqual([
      ['csv', 'A-1'],
      ['csv', 'A-2'],
      ['csv', 'A-3'],
    ]);
    expect(await run('accounts', ws, fromText(csv), { mapping })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    // A renamed company keeps its account: the CRM id finds it.
    const renamed = csv.replace('A-2,Globex,', 'A-2,Globex International,');
    expect(await run('accounts', ws, fromText(renamed), { mapping })).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 2,
    });
    expect((await accounts(ws)).map((a) => a.name)).toEqual(['Acme Corp', 'Globex International', 'Initech']);
  });

  it('refuses to guess between accounts sharing a domain or a name, or to merge two CRM records into one', async () => {
    const ws = await workspace('ambiguous');
    const scope = { workspaceId: ws, partnerId: null };
    await createAccount(t.db, SYSTEM_ACTOR, scope, {
      name: 'Umbrella East',
      domain: 'umbrella.example',
      segment: 'smb',
    });
    await createAccount(t.db, SYSTEM_ACTOR, scope, {
      name: 'Umbrella West',
      domain: 'umbrella.example',
      segment: 'smb',
    });
    await createAccount(t.db, SYSTEM_ACTOR, scope, { name: 'Twin', segment: 'smb' });
    await createAccount(t.db, SYSTEM_ACTOR, scope, { name: 'Twin', segment: 'smb' });
    const csv =
      'Id,Company,Web,Tier\nU-1,Umbrella,umbrella.example,smb\nT-1,Twin,,smb\nS-1,Soylent,soylent.example,smb\nS-2,Soylent Green,soylent.example,smb\n';
    const report = await run('accounts', ws, fromText(csv), {
      mapping: { Id: 'external_id', Company: 'name', Web: 'domain', Tier: 'segment' },
    });
    expect(report).toMatchObject({ read: 4, created: 1, rejected: 3 });
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'domain'],
      [2, 'name'],
      [4, 'domain'],
    ]);
    expect(report.errors[2]?.reason).toMatch(/same account as row 3/);
    expect(await accounts(ws)).toHaveLength(5);
  });

  it('imports accounts from a file with no segment: they stay unsegmented until someone gives them one', async () => {
    const ws = await workspace('no-segment');
    const report = await run('accounts', ws, fromText('Company,Tier\nAcme,\nGlobex,enterprise\n'), {
      mapping: { Company: 'name', Tier: 'segment' },
    });
    expect(report).toMatchObject({ read: 2, created: 2, rejected: 0 });
    expect((await accounts(ws)).map((a) => [a.name, a.segment])).toEqual([
      ['Acme', null],
      ['Globex', 'enterprise'],
    ]);
    const noColumn = await run('accounts', ws, fromText('Company\nInitech\nAcme\n'), { mapping: { Company: 'name' } });
    expect(noColumn).toMatchObject({ created: 1, unchanged: 1, rejected: 0 });
    expect((await accounts(ws)).find((a) => a.name === 'Initech')?.segment).toBeNull();
    // A file with segments gives them later; one without leaves a segment alone.
    expect(
      await run('accounts', ws, fromText('Company,Tier\nAcme,smb\n'), {
        mapping: { Company: 'name', Tier: 'segment' },
      }),
    ).toMatchObject({ updated: 1 });
    expect(await run('accounts', ws, fromText('Company\nAcme\n'), { mapping: { Company: 'name' } })).toMatchObject({
      unchanged: 1,
    });
    expect((await accounts(ws)).find((a) => a.name === 'Acme')?.segment).toBe('smb');
  });

  it('names each bad option: an alias or default that is not a value, a field that takes none', async () => {
    const ws = await workspace('bad-options');
    const error = await run('accounts', ws, fromText('Company\nAcme\n'), {
      mapping: { Company: 'name' },
      aliases: { segment: { Gold: 'premium' }, industry: { Tech: 'Technology' } },
      defaults: { segment: 'huge' },
    }).catch((e) => e);
    expect(error.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['aliases', 'aliases', 'defaults']);
    expect(error.message).toMatch(/"premium", which is not a segment/);
    expect(error.message).toMatch(/"industry" takes no aliases/);
    expect(error.message).toMatch(/"huge" is not a segment/);
  });

  it('matches contacts by email, else by name, within their account; a changed row updates; a dry run writes nothing', async () => {
    const ws = await workspace('contact-matching');
    const scope = { workspaceId: ws, partnerId: null };
    const acme = await createAccount(t.db, SYSTEM_ACTOR, scope, { name: 'Acme', segment: 'smb' });
    const other = await createAccount(t.db, SYSTEM_ACTOR, scope, { name: 'Other', segment: 'smb' });
    const known = await t.db
      .insertInto('contacts')
      .values({
        id: 'c-known',
        workspace_id: ws,
        account_id: acme.id,
        name: 'Ana S.',
        email: 'ana@acme.example',
        title: null,
        role: 'champion',
        last_touch_at: null,
        left_at: null,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contactMapping = {
      'Person ID': 'external_id',
      Company: 'account',
      Name: 'name',
      Email: 'email',
      Title: 'title',
      Role: 'role',
      Left: 'left_at',
    };
    const csv =
      'Person ID,Company,Name,Email,Title,Role,Left\nP-1,Acme,Ana Silva,ANA@acme.example,CFO,,\nP-2,Acme,Bo Chen,,CTO,key user,\nP-3,Other,Cy Diaz,cy@other.example,,,2026-09-30\n';
    const dry = await run('contacts', ws, fromText(csv), { mapping: contactMapping }, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, created: 2, updated: 1 });
    expect(await contacts(ws)).toHaveLength(1);
    const first = await run('contacts', ws, fromText(csv), { mapping: contactMapping });
    expect(first).toMatchObject({ created: 2, updated: 1, rejected: 0 });
    const stored = await contacts(ws);
    expect(
      stored.map((c) => [c.id === known.id ? 'known' : 'new', c.name, c.email, c.title, c.role, c.left_at]),
    ).toEqual([
      ['known', 'Ana Silva', 'ana@acme.example', 'CFO', 'champion', null],
      ['new', 'Bo Chen', null, 'CTO', 'key_user', null],
      ['new', 'Cy Diaz', 'cy@other.example', null, 'other', '2026-09-30T00:00:00.000Z'],
    ]);
    expect(await run('contacts', ws, fromText(csv), { mapping: contactMapping })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    // Bo moves to Other: the CRM id finds him, the account changes with him.
    const moved = csv.replace('P-2,Acme,Bo Chen,,CTO', 'P-2,Other,Bo Chen,,VP Engineering');
    expect(await run('contacts', ws, fromText(moved), { mapping: contactMapping })).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 2,
    });
    const bo = (await contacts(ws)).find((c) => c.name === 'Bo Chen');
    expect(bo).toMatchObject({ account_id: other.id, title: 'VP Engineering' });
  });
});
