import { type Kysely, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../../../test/helpers/test-db.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { migrations } from './migrations/index.ts';

/** The migration that clusters the daily rollups on their key keeps every row, on the way up and back down. */

const BEFORE = '2026-11-26T0017-usage-user-traits';
const open: Array<{ dbh: DatabaseHandle; drop: () => Promise<void> }> = [];
afterEach(async () => {
  for (const { dbh, drop } of open.splice(0)) {
    await dbh.close();
    await drop();
  }
});

async function databaseAt(name: string) {
  const empty = await createEmptyDatabase();
  const dbh = await openDatabase(empty.url);
  open.push({ dbh, drop: empty.drop });
  const migrator = new Migrator({ db: dbh.db, provider: { getMigrations: async () => migrations }, migrationTableName: 'baton_migrations', migrationLockTableName: 'baton_migrations_lock' });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
  return { dbh, migrator };
}

const FEATURES = [
  { workspace_id: 'w1', account_id: 'a1', day: '2026-11-01', feature: 'Report Published', events: 3 },
  { workspace_id: 'w1', account_id: 'a1', day: '2026-11-02', feature: 'Export Run', events: 1 },
  { workspace_id: 'w1', account_id: 'a2', day: '2026-11-01', feature: 'Report Published', events: 7 },
];
const USERS = [
  { workspace_id: 'w1', account_id: 'a1', day: '2026-11-01', user_key: 'u1', events: 3 },
  { workspace_id: 'w1', account_id: 'a2', day: '2026-11-01', user_key: 'u2', events: 7 },
];

/** The schema as it stands at the migration under test, not as the application types it today. */
const workspace = (dbh: DatabaseHandle, id: string) => (dbh.db as unknown as Kysely<any>).insertInto('workspaces').values({ id, slug: id, name: id, created_at: '2026-11-01T00:00:00.000Z' }).execute();

const rows = async (dbh: DatabaseHandle) => ({
  features: await dbh.db.selectFrom('usage_daily_account_feature').selectAll().orderBy(['account_id', 'day', 'feature']).execute(),
  users: await dbh.db.selectFrom('usage_daily_account_user').selectAll().orderBy(['account_id', 'day', 'user_key']).execute(),
});

const windowIndexes = async (dbh: DatabaseHandle) => {
  const found = dbh.sqlite
    ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and name like 'usage_daily_%_window'`.execute(dbh.db)
    : await sql<{ name: string }>`select indexname as name from pg_indexes where indexname like 'usage_daily_%_window'`.execute(dbh.db);
  return found.rows.map((r) => r.name).sort();
};

describe('migration 0018: daily rollups clustered on their key', () => {
  it('keeps every rollup row, drops the window indexes, and keeps the key unique; down restores them', async () => {
    const { dbh, migrator } = await databaseAt(BEFORE);
    await workspace(dbh, 'w1');
    await dbh.db.insertInto('usage_daily_account_feature').values(FEATURES).execute();
    await dbh.db.insertInto('usage_daily_account_user').values(USERS).execute();
    const before = await rows(dbh);
    expect(await windowIndexes(dbh)).toEqual(['usage_daily_account_feature_window', 'usage_daily_account_user_window']);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await rows(dbh)).toEqual(before);
    expect(await windowIndexes(dbh)).toEqual([]);
    if (dbh.sqlite) {
      const ddl = dbh.sqlite.prepare("select sql from sqlite_master where name in ('usage_daily_account_feature', 'usage_daily_account_user')").pluck().all() as string[];
      expect(ddl.every((text) => /without rowid/i.test(text))).toBe(true);
    }
    await expect(dbh.db.insertInto('usage_daily_account_user').values(USERS[0] as (typeof USERS)[number]).execute()).rejects.toThrow();
    // Cascades from the workspace still hold.
    await workspace(dbh, 'w2');
    await dbh.db.insertInto('usage_daily_account_feature').values({ ...(FEATURES[0] as (typeof FEATURES)[number]), workspace_id: 'w2' }).execute();
    await dbh.db.deleteFrom('workspaces').where('id', '=', 'w2').execute();
    expect(await rows(dbh)).toEqual(before);

    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    expect(await rows(dbh)).toEqual(before);
    expect(await windowIndexes(dbh)).toEqual(['usage_daily_account_feature_window', 'usage_daily_account_user_window']);
  });
});
