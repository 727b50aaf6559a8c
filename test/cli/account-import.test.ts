import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.ts';
import { INTERRUPTED_AFTER_MS } from '../../src/platform/imports/import-run.ts';
import { toImportRun } from '../../src/platform/imports/import-run.service.ts';
import { BATON_BIN, baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';
import { hasSharedData, sharedFile } from '../helpers/shared-data.ts';

let dir: string;
let database: CliWorkspace['database'];
let env: Record<string, string>;
let cli: CliWorkspace;

beforeAll(async () => {
  cli = await cliWorkspace();
  ({ dir, env, database } = cli);
});
afterAll(async () => cli?.close());

const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

/** Runs an import with --json: it exits 0, or 3 when its report rejected rows. */
const json = (args: string[]) => {
  const r = baton([...args, '--json'], env);
  const report = JSON.parse(r.stdout || '{}');
  expect(r.status, r.stderr).toBe(report.rejected > 0 ? 3 : 0);
  return report;
};

/** A workspace of the test's own in the shared database. */
function workspace(slug: string): string {
  const r = baton(['workspace', 'create', slug], env);
  expect(r.status, r.stderr).toBe(0);
  return slug;
}

/** The rows of one table in one workspace. */
async function count(table: 'accounts' | 'contacts', slug: string): Promise<number> {
  const dbh = await openDatabase(database.url);
  try {
    const r = await dbh.db
      .selectFrom(table)
      .innerJoin('workspaces', 'workspaces.id', `${table}.workspace_id`)
      .where('workspaces.slug', '=', slug)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await dbh.close();
  }
}

/** Imports the accounts C-1 (Acme), C-2 (Globex) and C-3 (Initech) through a mapping, aliases and a default. */
const customers = (slug: string) => {
  const csv = file(
    'customers.csv',
    'Customer ID,Customer,Web,Tier\nC-1,Acme,acme.example,Mid-Market\nC-2,Globex,globex.example,Strategic\nC-3,Initech,,\n',
  );
  return [
    'import',
    'accounts',
    csv,
    '--workspace',
    slug,
    '--map',
    'Customer ID=external_id',
    '--map',
    'Customer=name',
    '--map',
    'Web=domain',
    '--map',
    'Tier=segment',
    '--alias',
    'segment:Strategic=enterprise',
    '--default',
    'segment=smb',
  ];
};

// Each test makes its own workspace (and what it builds on): a few more processes each.
describe('baton import accounts / contacts', { timeout: 120_000 }, () => {
  it('lists the documented fields and examples in --help', () => {
    const accounts = baton(['import', 'accounts', '--help'], env);
    expect(accounts.status).toBe(0);
    for (const field of [
      'external_id',
      'domain',
      'segment',
      'lifecycle_phase',
      'renewal_date',
      'owner',
      '--default',
      '--alias',
      '--dry-run',
    ])
      expect(accounts.stdout).toContain(field);
    const contacts = baton(['import', 'contacts', '--help'], env);
    for (const field of ['account_external_id', 'first_name', 'role', 'last_touch_at', 'left_at'])
      expect(contacts.stdout).toContain(field);
  });

  it('imports a mapped file with aliases and a default, dry run first, and again changes nothing', async () => {
    const slug = workspace('mapped');
    const args = customers(slug);
    expect(json([...args, '--dry-run'])).toMatchObject({ dryRun: true, format: 'mapped', read: 3, created: 3 });
    expect(await count('accounts', slug)).toBe(0);
    expect(json(args)).toMatchObject({ read: 3, created: 3, rejected: 0, errors: [] });
    expect(await count('accounts', slug)).toBe(3);
    expect(json(args)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const text = baton(args, env);
    expect(text.stdout).toContain('read 3 · created 0 · updated 0 · unchanged 3 · rejected 0');
  });

  it('imports contacts against those accounts, printing each rejected row', () => {
    const slug = workspace('people');
    expect(json(customers(slug))).toMatchObject({ created: 3, rejected: 0 });
    const csv = file(
      'people.csv',
      'Id,Company ID,Name,Email,Role\nP-1,C-1,Ana Silva,ana@acme.example,champion\nP-2,C-9,Bo Chen,bo@x.example,\nP-3,C-2,Cy Diaz,cy@globex.example,wizard\n',
    );
    const args = [
      'import',
      'contacts',
      csv,
      '--workspace',
      slug,
      '--map',
      'Id=external_id',
      '--map',
      'Company ID=account_external_id',
      '--map',
      'Name=name',
      '--map',
      'Email=email',
      '--map',
      'Role=role',
    ];
    const r = baton(args, env);
    expect(r.status, 'rows were rejected').toBe(3);
    expect(r.stdout).toContain('created 1');
    expect(r.stdout).toContain('rejected 2');
    expect(r.stdout).toMatch(/row 2 {2}account_external_id: no account imported from csv with id C-9/);
    expect(r.stdout).toMatch(/row 3 {2}role: column "Role": "wizard" is not a contact role/);
  });

  it('refuses a mapping onto an unknown field, naming the flag, and writes nothing', async () => {
    const slug = workspace('refused');
    expect(json(customers(slug))).toMatchObject({ created: 3, rejected: 0 });
    const csv = file('bad.csv', 'Customer\nAcme\n');
    const r = baton(
      ['import', 'accounts', csv, '--workspace', slug, '--map', 'Customer=company_name', '--default', 'segment=smb'],
      env,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--map: column "Customer" maps to "company_name", which is not a field here');
    expect(await count('accounts', slug)).toBe(3);
  });

  it('gives deals the same --alias spelling: field:spelling=canonical', async () => {
    const slug = workspace('deals');
    const csv = file('deals.csv', 'Deal ID,Title,Status\nD-1,Renewal,closed won (signed)\n');
    const args = [
      'import',
      'deals',
      csv,
      '--workspace',
      slug,
      '--map',
      'Deal ID=external_id',
      '--map',
      'Title=name',
      '--map',
      'Status=stage',
      '--alias',
      'stage:Closed Won (signed)=Closed Won',
    ];
    expect(json(args)).toMatchObject({ created: 1, rejected: 0 });
    const dbh = await openDatabase(database.url);
    const deal = await dbh.db
      .selectFrom('deals')
      .innerJoin('workspaces', 'workspaces.id', 'deals.workspace_id')
      .select(['stage'])
      .where('workspaces.slug', '=', slug)
      .where('external_id', '=', 'D-1')
      .executeTakeFirstOrThrow();
    await dbh.close();
    expect(deal.stage).toBe('Closed Won');
  });

  it.skipIf(!hasSharedData)('imports the shared Salesforce Account and Contact exports', () => {
    workspace('sf');
    const accounts = json([
      'import',
      'accounts',
      sharedFile('salesforce-sample', 'sfdc-assets-data-cloud-workshop', 'Account.csv'),
      '--workspace',
      'sf',
      '--default',
      'segment=mid_market',
    ]);
    const accountRows = parse(
      fs.readFileSync(sharedFile('salesforce-sample', 'sfdc-assets-data-cloud-workshop', 'Account.csv')),
      { bom: true, columns: true },
    ).length;
    expect(accounts).toMatchObject({ format: 'salesforce', read: accountRows, created: accountRows, rejected: 0 });
    const contacts = json([
      'import',
      'contacts',
      sharedFile('salesforce-sample', 'devorg-sample-powerbi', 'Contact.csv'),
      '--workspace',
      'sf',
    ]);
    // The Excel-reshaped contacts name accounts of another org: none of them is found here.
    expect(contacts.created).toBe(0);
    expect(contacts.rejected).toBe(contacts.read);
    expect(contacts.notes.join(' ')).toContain('month/day/year');
  });

  it('shows an import whose process was killed as interrupted, and running the file again completes it', async () => {
    const rows = 60_000;
    const lines = ['Customer ID,Customer'];
    for (let i = 1; i <= rows; i++) lines.push(`K-${i},Killed ${i}`);
    const slug = workspace('killed');
    const csv = file('killed.csv', `${lines.join('\n')}\n`);
    const args = [
      'import',
      'accounts',
      csv,
      '--workspace',
      slug,
      '--map',
      'Customer ID=external_id',
      '--map',
      'Customer=name',
      '--default',
      'segment=smb',
    ];
    const before = await count('accounts', slug);
    const child = spawn(process.execPath, [BATON_BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', BATON_LOG_LEVEL: 'warn', ...env },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const dbh = await openDatabase(database.url);
    try {
      const run = () =>
        dbh.db.selectFrom('import_runs').selectAll().where('file_name', '=', 'killed.csv').executeTakeFirst();
      // Killed once some batches have committed, and well before the last one.
      for (let i = 0; i < 600 && ((await run())?.read ?? 0) < 4000; i++) await new Promise((r) => setTimeout(r, 50));
      child.kill('SIGKILL');
      await exited;
      const row = await run();
      expect(row?.status, 'the process was killed before the end: its row still says running').toBe('running');
      expect(row?.read).toBeGreaterThanOrEqual(4000);
      expect(row?.read).toBeLessThan(rows);
      const now = Date.parse(row?.heartbeat_at ?? '');
      expect(toImportRun(row!, now + 1000).status).toBe('running');
      expect(toImportRun(row!, now + INTERRUPTED_AFTER_MS + 1000)).toMatchObject({
        status: 'interrupted',
        finishedAt: null,
      });

      const committed = (await count('accounts', slug)) - before;
      expect(committed).toBeGreaterThanOrEqual(2000);
      expect(json(args)).toMatchObject({ read: rows, unchanged: committed, created: rows - committed, rejected: 0 });
    } finally {
      child.kill('SIGKILL');
      await dbh.close();
    }
  });
});
