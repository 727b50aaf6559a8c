import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.ts';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';
import { hasSharedData, sharedFile } from '../helpers/shared-data.ts';

let cli: CliWorkspace;

beforeAll(async () => {
  cli = await cliWorkspace();
});
afterAll(async () => cli?.close());

/** Runs an import with --json: it exits 0, or 3 when its report rejected rows. */
const json = (args: string[]) => {
  const r = baton([...args, '--json'], cli.env);
  const report = JSON.parse(r.stdout || '{}');
  expect(r.status, r.stderr).toBe(report.rejected > 0 ? 3 : 0);
  return report;
};

const file = (name: string, text: string) => {
  const p = path.join(cli.dir, name);
  fs.writeFileSync(p, text);
  return p;
};

/** A workspace of the test's own in the shared database. */
function workspace(slug: string): string {
  const r = baton(['workspace', 'create', slug], cli.env);
  expect(r.status, r.stderr).toBe(0);
  return slug;
}

async function workspaceId(slug: string): Promise<string> {
  const dbh = await openDatabase(cli.database.url);
  try {
    return (await dbh.db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  } finally {
    await dbh.close();
  }
}

/** The feature rollups of one workspace keyed by the accounts' CRM ids, read straight from the database. */
async function featureRollups(slug: string): Promise<Map<string, number>> {
  const id = await workspaceId(slug);
  const dbh = await openDatabase(cli.database.url);
  try {
    const ext = new Map(
      (await dbh.db.selectFrom('account_external_ids').select(['account_id', 'external_id']).execute()).map((r) => [
        r.account_id,
        r.external_id,
      ]),
    );
    const rows = await dbh.db
      .selectFrom('usage_daily_account_feature')
      .select(['account_id', 'day', 'feature', 'events'])
      .where('workspace_id', '=', id)
      .execute();
    return new Map(
      rows.map((r) => [`${ext.get(r.account_id) ?? r.account_id}|${r.day}|${r.feature}`, Number(r.events)]),
    );
  } finally {
    await dbh.close();
  }
}

async function seats(slug: string): Promise<Map<string, number>> {
  const id = await workspaceId(slug);
  const dbh = await openDatabase(cli.database.url);
  try {
    const ext = new Map(
      (await dbh.db.selectFrom('account_external_ids').select(['account_id', 'external_id']).execute()).map((r) => [
        r.account_id,
        r.external_id,
      ]),
    );
    return new Map(
      (
        await dbh.db
          .selectFrom('usage_account_seats')
          .select(['account_id', 'seats'])
          .where('workspace_id', '=', id)
          .execute()
      ).map((r) => [ext.get(r.account_id) ?? r.account_id, Number(r.seats)]),
    );
  } finally {
    await dbh.close();
  }
}

const RAVEN_MAP = [
  '--map',
  'usage_id=id',
  '--map',
  'usage_date=day',
  '--map',
  'subscription_id=subscription',
  '--map',
  'feature_name=feature',
  '--map',
  'usage_count=events',
  '--map',
  'usage_duration_secs=duration',
];

describe.skipIf(!hasSharedData)('baton import usage / seats on the RavenStack tables (../shared/data)', () => {
  const raven = (name: string) => sharedFile('ravenstack', name);
  const read = (name: string) =>
    parse(fs.readFileSync(raven(name)), { columns: true }) as Array<Record<string, string>>;
  /** A workspace of the test's own holding the RavenStack accounts. */
  const ravenAccounts = (slug: string) => {
    workspace(slug);
    expect(
      json([
        'import',
        'accounts',
        raven('ravenstack_accounts.csv'),
        '--workspace',
        slug,
        '--map',
        'account_id=external_id',
        '--map',
        'account_name=name',
        '--default',
        'segment=smb',
      ]),
    ).toMatchObject({
      created: read('ravenstack_accounts.csv').length,
      rejected: 0,
    });
    return slug;
  };

  it('imports the accounts, then the daily usage through the subscriptions, exactly as the files add up; again changes nothing', async () => {
    const slug = ravenAccounts('raven-usage');

    // What the files say: each usage_id once (its first row), summed per account, day and feature.
    const subscriptionAccount = new Map(
      read('ravenstack_subscriptions.csv').map((s) => [s.subscription_id, s.account_id]),
    );
    const usage = read('ravenstack_feature_usage.csv');
    const firstRows = new Map<string, Record<string, string>>();
    for (const u of usage) if (!firstRows.has(u.usage_id as string)) firstRows.set(u.usage_id as string, u);
    const expected = new Map<string, number>();
    for (const u of firstRows.values()) {
      const key = `${subscriptionAccount.get(u.subscription_id as string)}|${u.usage_date}|${u.feature_name}`;
      expected.set(key, (expected.get(key) ?? 0) + Number(u.usage_count));
    }
    // A day's feature used 0 times is no usage: no rollup row.
    for (const [key, n] of expected) if (n === 0) expected.delete(key);
    const repeated = usage.length - firstRows.size;

    const args = [
      'import',
      'usage',
      raven('ravenstack_feature_usage.csv'),
      '--workspace',
      slug,
      '--subscriptions',
      raven('ravenstack_subscriptions.csv'),
      ...RAVEN_MAP,
    ];
    expect(json([...args, '--dry-run'])).toMatchObject({
      dryRun: true,
      read: usage.length,
      created: firstRows.size,
      rejected: repeated,
    });
    expect((await featureRollups(slug)).size).toBe(0);

    const first = json(args);
    expect(first).toMatchObject({
      read: usage.length,
      created: firstRows.size,
      updated: 0,
      unchanged: 0,
      rejected: repeated,
    });
    expect(first.errors.every((e: { field: string }) => e.field === 'id')).toBe(true);
    expect(await featureRollups(slug)).toEqual(expected);

    expect(json(args)).toMatchObject({ created: 0, updated: 0, unchanged: firstRows.size, rejected: repeated });
    expect(await featureRollups(slug)).toEqual(expected);
  }, 120_000);

  it('imports licensed seats from the accounts table, row by row, and again changes nothing', async () => {
    const slug = ravenAccounts('raven-seats');
    const accounts = read('ravenstack_accounts.csv');
    const args = [
      'import',
      'seats',
      raven('ravenstack_accounts.csv'),
      '--workspace',
      slug,
      '--map',
      'account_id=account',
      '--map',
      'seats=seats',
    ];
    expect(json(args)).toMatchObject({ read: accounts.length, created: accounts.length, rejected: 0 });
    expect(await seats(slug)).toEqual(new Map(accounts.map((a) => [a.account_id, Number(a.seats)])));
    expect(json(args)).toMatchObject({ created: 0, updated: 0, unchanged: accounts.length });
  }, 60_000);
});

describe('baton import usage / seats: the row-level report', () => {
  it('lists the fields in --help', () => {
    const help = baton(['import', 'usage', '--help'], cli.env);
    expect(help.status).toBe(0);
    for (const word of [
      'day',
      'account',
      'subscription',
      'feature',
      'events',
      'duration',
      '--subscriptions',
      '--accounts',
      '--dry-run',
    ])
      expect(help.stdout).toContain(word);
    expect(baton(['import', 'seats', '--help'], cli.env).stdout).toContain('seats');
  });

  it('reports unknown accounts, bad days and bad numbers by row and field, imports the good rows, and changes a row that changed', async () => {
    const slug = workspace('rows');
    json([
      'import',
      'accounts',
      file('acc.csv', 'name,domain\nGlobex,globex.example\nInitech,initech.example\n'),
      '--workspace',
      slug,
      '--map',
      'name=name',
      '--map',
      'domain=domain',
      '--default',
      'segment=smb',
    ]);
    const rows = [
      'date,company,event,count,user',
      '2026-03-01,globex.example,Export,3,ann', // by domain, with a user
      '2026-03-01,Initech,Export,2,', // by name
      '2026-03-02,Umbrella,Export,1,', // unknown account
      '2026-02-30,globex.example,Export,1,', // not a date
      '2026-03-02,globex.example,Export,lots,', // not a number
      '2026-03-03,globex.example,,1,', // no feature
    ];
    const map = [
      '--map',
      'date=day',
      '--map',
      'company=account',
      '--map',
      'event=feature',
      '--map',
      'count=events',
      '--map',
      'user=user',
    ];
    const report = json(['import', 'usage', file('daily.csv', `${rows.join('\n')}\n`), '--workspace', slug, ...map]);
    expect(report).toMatchObject({ read: 6, created: 2, rejected: 4 });
    expect(report.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'account'],
      [4, 'day'],
      [5, 'events'],
      [6, 'feature'],
    ]);
    const text = baton(['import', 'usage', path.join(cli.dir, 'daily.csv'), '--workspace', slug, ...map], cli.env);
    expect(text.stdout).toContain('unchanged 2');
    expect(text.stdout).toContain('no account matches "Umbrella"');

    // The same row (no id: known by day, account, feature and user) with another count replaces what it counted.
    const changed = json([
      'import',
      'usage',
      file('daily2.csv', 'date,company,event,count,user\n2026-03-01,globex.example,Export,5,ann\n'),
      '--workspace',
      slug,
      ...map,
    ]);
    expect(changed).toMatchObject({ created: 0, updated: 1 });
    const id = await workspaceId(slug);
    const dbh = await openDatabase(cli.database.url);
    try {
      const globex = (
        await dbh.db
          .selectFrom('accounts')
          .select('id')
          .where('workspace_id', '=', id)
          .where('name', '=', 'Globex')
          .executeTakeFirstOrThrow()
      ).id;
      const f = await dbh.db
        .selectFrom('usage_daily_account_feature')
        .select(['day', 'feature', 'events'])
        .where('account_id', '=', globex)
        .execute();
      expect(f.map((r) => [r.day, r.feature, Number(r.events)])).toEqual([['2026-03-01', 'Export', 5]]);
      const u = await dbh.db
        .selectFrom('usage_daily_account_user')
        .select(['user_key', 'events'])
        .where('account_id', '=', globex)
        .execute();
      expect(u.map((r) => [r.user_key, Number(r.events)])).toEqual([['ann', 5]]);
    } finally {
      await dbh.close();
    }

    const bad = baton(
      ['import', 'usage', file('nocols.csv', 'when,what\n2026-01-01,x\n'), '--workspace', slug],
      cli.env,
    );
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/no column for day/);
    const seatsReport = json([
      'import',
      'seats',
      file('seats.csv', 'account,seats\nglobex.example,25\nUmbrella,3\nInitech,many\n'),
      '--workspace',
      slug,
    ]);
    expect(seatsReport).toMatchObject({ read: 3, created: 1, rejected: 2 });
    expect(seatsReport.errors.map((e: { row: number; field: string }) => [e.row, e.field]).sort()).toEqual([
      [2, 'account'],
      [3, 'seats'],
    ]);
  }, 60_000);

  it('imports integration sync reports with a row-level report, kept in the import history, once; a file without its columns stores nothing', async () => {
    const slug = workspace('syncs');
    json([
      'import',
      'accounts',
      file('sync-accounts.csv', 'name,domain\nGlobex,globex.example\n'),
      '--workspace',
      slug,
      '--map',
      'name=name',
      '--map',
      'domain=domain',
      '--default',
      'segment=smb',
    ]);
    const csv = file(
      'syncs.csv',
      'account,integration,status,detail,occurred_at\nglobex.example,crm-sync,ok,,2026-03-01T08:00:00Z\nglobex.example,crm-sync,fine,,2026-03-01T09:00:00Z\numbrella.example,crm-sync,ok,,2026-03-01T09:00:00Z\n',
    );
    const checked = json(['import', 'integration-status', csv, '--workspace', slug, '--dry-run']);
    expect(checked).toMatchObject({ dryRun: true, read: 3, created: 2, rejected: 1 });
    const report = json(['import', 'integration-status', csv, '--workspace', slug]);
    expect(report).toMatchObject({ dryRun: false, read: 3, created: 2, rejected: 1 });
    expect(report.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[2, 'status']]);
    expect(report.notes.join(' '), 'umbrella.example is not an account yet').toMatch(
      /umbrella\.example\) are kept aside/,
    );
    expect(json(['import', 'integration-status', csv, '--workspace', slug]), 'the same file again').toMatchObject({
      read: 3,
      created: 0,
      unchanged: 2,
      rejected: 1,
    });
    const id = await workspaceId(slug);
    const dbh = await openDatabase(cli.database.url);
    try {
      const daily = await dbh.db
        .selectFrom('integration_status_daily')
        .select(['integration', 'ok_count', 'error_count'])
        .where('workspace_id', '=', id)
        .execute();
      expect(daily.map((r) => [r.integration, Number(r.ok_count), Number(r.error_count)])).toEqual([
        ['crm-sync', 1, 0],
      ]);
      const run = await dbh.db
        .selectFrom('import_runs')
        .selectAll()
        .where('id', '=', report.runId)
        .executeTakeFirstOrThrow();
      expect(run).toMatchObject({ kind: 'integration_status', file_name: 'syncs.csv', status: 'succeeded' });
    } finally {
      await dbh.close();
    }
    const bad = baton(
      [
        'import',
        'integration-status',
        file('nostatus.csv', 'account,integration,occurred_at\nglobex.example,crm-sync,2026-03-01T08:00:00Z\n'),
        '--workspace',
        slug,
      ],
      cli.env,
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/the header has no column status/);
  }, 90_000);
});
