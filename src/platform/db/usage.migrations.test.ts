import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../test/helpers/test-db.ts';
import { ingestTotals } from '../../modules/usage/ingest/ingest.service.ts';
import type { DatabaseHandle } from './database.ts';

/** Migrations of product usage tables that move data: each keeps what was there, on the way up and back down. */

const BEFORE = '2026-11-26T0017-usage-user-traits';
const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

async function databaseAt(name: string) {
  const at = await createDatabaseAt(name);
  open.push(at.close);
  return at;
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
const workspace = (dbh: DatabaseHandle, id: string) =>
  (dbh.db as unknown as Kysely<any>)
    .insertInto('workspaces')
    .values({ id, slug: id, name: id, created_at: '2026-11-01T00:00:00.000Z' })
    .execute();

const rows = async (dbh: DatabaseHandle) => ({
  features: await dbh.db
    .selectFrom('usage_daily_account_feature')
    .selectAll()
    .orderBy(['account_id', 'day', 'feature'])
    .execute(),
  users: await dbh.db
    .selectFrom('usage_daily_account_user')
    .selectAll()
    .orderBy(['account_id', 'day', 'user_key'])
    .execute(),
});

const windowIndexes = async (dbh: DatabaseHandle) => {
  const found = dbh.sqlite
    ? await sql<{
        name: string;
      }>`select name from sqlite_master where type = 'index' and name like 'usage_daily_%_window'`.execute(dbh.db)
    : await sql<{
        name: string;
      }>`select indexname as name from pg_indexes where indexname like 'usage_daily_%_window'`.execute(dbh.db);
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
      const ddl = dbh.sqlite
        .prepare(
          "select sql from sqlite_master where name in ('usage_daily_account_feature', 'usage_daily_account_user')",
        )
        .pluck()
        .all() as string[];
      expect(ddl.every((text) => /without rowid/i.test(text))).toBe(true);
    }
    await expect(
      dbh.db
        .insertInto('usage_daily_account_user')
        .values(USERS[0] as (typeof USERS)[number])
        .execute(),
    ).rejects.toThrow();
    // Cascades from the workspace still hold.
    await workspace(dbh, 'w2');
    await dbh.db
      .insertInto('usage_daily_account_feature')
      .values({ ...(FEATURES[0] as (typeof FEATURES)[number]), workspace_id: 'w2' })
      .execute();
    await dbh.db.deleteFrom('workspaces').where('id', '=', 'w2').execute();
    expect(await rows(dbh)).toEqual(before);

    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    expect(await rows(dbh)).toEqual(before);
    expect(await windowIndexes(dbh)).toEqual(['usage_daily_account_feature_window', 'usage_daily_account_user_window']);
  });
});

describe('migration 0019: ingest totals kept per workspace and source', () => {
  it('fills the totals from the request log and the raw events, and the status reads the same numbers', async () => {
    const { dbh, migrator } = await databaseAt('2026-11-27T0018-usage-rollup-clustered');
    const db = dbh.db as unknown as Kysely<any>;
    await workspace(dbh, 'w1');
    await workspace(dbh, 'w2');
    const request = (
      id: string,
      workspace_id: string,
      source: string,
      received_at: string,
      n: { received: number; stored: number; duplicates: number; rejected: number },
    ) => ({ id, workspace_id, source, received_at, unmatched: 0, detail: null, ...n });
    await db
      .insertInto('usage_ingest_requests')
      .values([
        request('r1', 'w1', 'segment', '2026-11-20T10:00:00.000Z', {
          received: 10,
          stored: 8,
          duplicates: 2,
          rejected: 0,
        }),
        request('r2', 'w1', 'segment', '2026-11-21T10:00:00.000Z', {
          received: 5,
          stored: 0,
          duplicates: 0,
          rejected: 5,
        }),
        request('r3', 'w1', 'posthog', '2026-11-22T10:00:00.000Z', {
          received: 4,
          stored: 4,
          duplicates: 0,
          rejected: 0,
        }),
        request('r4', 'w2', 'segment', '2026-11-22T11:00:00.000Z', {
          received: 1,
          stored: 1,
          duplicates: 0,
          rejected: 0,
        }),
      ])
      .execute();
    const event = (
      message_id: string,
      source: string,
      account_id: string | null,
      occurred_at: string,
      received_at: string,
    ) => ({
      workspace_id: 'w1',
      source,
      message_id,
      type: 'track',
      event: 'Login',
      user_id: 'u1',
      anonymous_id: null,
      account_id,
      group_id: 'g1',
      occurred_at,
      received_at,
      properties: '{}',
    });
    await db
      .insertInto('usage_events')
      .values([
        event('m1', 'segment', 'a1', '2026-11-20T09:00:00.000Z', '2026-11-20T10:00:00.000Z'),
        event('m2', 'segment', null, '2026-11-20T09:30:00.000Z', '2026-11-20T10:00:00.000Z'),
        event('m3', 'posthog', null, '2026-11-22T08:00:00.000Z', '2026-11-22T10:00:00.000Z'),
      ])
      .execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const totals = await ingestTotals(dbh.db, 'w1');
    expect(totals.segment).toEqual({
      received: 15,
      stored: 8,
      duplicates: 2,
      rejected: 5,
      unmatched: 1,
      lastEventAt: '2026-11-20T09:30:00.000Z',
      lastReceivedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(totals.posthog).toEqual({
      received: 4,
      stored: 4,
      duplicates: 0,
      rejected: 0,
      unmatched: 1,
      lastEventAt: '2026-11-22T08:00:00.000Z',
      lastReceivedAt: '2026-11-22T10:00:00.000Z',
    });
    expect((await ingestTotals(dbh.db, 'w2')).segment).toMatchObject({ received: 1, stored: 1, lastEventAt: null });

    expect((await migrator.migrateTo('2026-11-27T0018-usage-rollup-clustered')).error).toBeUndefined();
    await expect(db.selectFrom('usage_ingest_totals').selectAll().execute()).rejects.toThrow();
  });
});

describe('migration 0020: the ingest request log keeps refused requests only', () => {
  it('deletes the rows of accepted requests, keeps the refused ones with their detail, and leaves the totals as they were', async () => {
    const { dbh, migrator } = await databaseAt('2026-11-27T0019-usage-ingest-totals');
    const db = dbh.db as unknown as Kysely<any>;
    await workspace(dbh, 'w1');
    const request = (id: string, rejected: number, detail: string | null) => ({
      id,
      workspace_id: 'w1',
      source: 'segment',
      received_at: `2026-11-2${id.slice(1)}T10:00:00.000Z`,
      received: 5,
      stored: 5 - rejected,
      duplicates: 0,
      rejected,
      unmatched: 0,
      detail,
    });
    await db
      .insertInto('usage_ingest_requests')
      .values([request('r1', 0, null), request('r2', 5, 'body.batch.0.event: required'), request('r3', 0, null)])
      .execute();
    await db
      .insertInto('usage_ingest_totals')
      .values({
        workspace_id: 'w1',
        source: 'segment',
        received: 15,
        stored: 10,
        duplicates: 0,
        rejected: 5,
        last_event_at: null,
        last_received_at: null,
      })
      .execute();
    const totals = await ingestTotals(dbh.db, 'w1');

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await db.selectFrom('usage_ingest_requests').select(['id', 'detail']).execute()).toEqual([
      { id: 'r2', detail: 'body.batch.0.event: required' },
    ]);
    expect(await ingestTotals(dbh.db, 'w1')).toEqual(totals);
    expect((await migrator.migrateTo('2026-11-27T0019-usage-ingest-totals')).error).toBeUndefined();
  });
});

describe('migration 0021: emails of product users taken from the identify calls among the raw events', () => {
  it('keeps the latest email each user identified with (Segment traits, PostHog $set), and leaves emails kept since as they are', async () => {
    const { dbh, migrator } = await databaseAt('2026-11-27T0020-usage-ingest-rejections');
    const db = dbh.db as unknown as Kysely<any>;
    await workspace(dbh, 'w1');
    await workspace(dbh, 'w2');
    const identify = (
      workspace_id: string,
      message_id: string,
      user_id: string | null,
      properties: unknown,
      occurred_at: string,
      type = 'identify',
    ) => ({
      workspace_id,
      source: message_id.startsWith('ph') ? 'posthog' : 'segment',
      message_id,
      type,
      event: null,
      user_id,
      anonymous_id: null,
      account_id: null,
      group_id: null,
      occurred_at,
      received_at: occurred_at,
      properties: JSON.stringify(properties),
    });
    await db
      .insertInto('usage_events')
      .values([
        identify('w1', 's1', 'u1', { email: 'Old@Northwind.example' }, '2026-10-01T10:00:00.000Z'),
        identify('w1', 's2', 'u1', { email: ' Chris@Northwind.example ' }, '2026-10-05T10:00:00.000Z'),
        identify('w1', 's3', 'u1', { name: 'no email here' }, '2026-10-09T10:00:00.000Z'),
        identify('w1', 'ph1', 'p1', { $set: { email: 'pat@contoso.example' } }, '2026-10-02T10:00:00.000Z'),
        identify('w1', 's4', 'u2', { email: 'not an email' }, '2026-10-02T10:00:00.000Z'),
        identify('w1', 's5', 'u3', { email: 'kept@later.example' }, '2026-10-02T10:00:00.000Z'),
        identify('w1', 's6', 'u4', { email: 'track@call.example' }, '2026-10-02T10:00:00.000Z', 'track'),
        identify('w2', 's1', 'u1', { email: 'other@workspace.example' }, '2026-10-03T10:00:00.000Z'),
      ])
      .execute();
    await db
      .insertInto('usage_user_traits')
      .values({
        workspace_id: 'w1',
        user_id: 'u3',
        email: 'newer@kept.example',
        updated_at: '2026-11-01T00:00:00.000Z',
      })
      .execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const traits = await db
      .selectFrom('usage_user_traits')
      .select(['workspace_id', 'user_id', 'email'])
      .orderBy('workspace_id')
      .orderBy('user_id')
      .execute();
    expect(traits).toEqual([
      { workspace_id: 'w1', user_id: 'p1', email: 'pat@contoso.example' },
      { workspace_id: 'w1', user_id: 'u1', email: 'chris@northwind.example' },
      { workspace_id: 'w1', user_id: 'u3', email: 'newer@kept.example' },
      { workspace_id: 'w2', user_id: 'u1', email: 'other@workspace.example' },
    ]);
    expect((await migrator.migrateTo('2026-11-27T0020-usage-ingest-rejections')).error).toBeUndefined();
  });

  it('pages through more identify calls than one read holds', async () => {
    const { dbh, migrator } = await databaseAt('2026-11-27T0020-usage-ingest-rejections');
    const db = dbh.db as unknown as Kysely<any>;
    await workspace(dbh, 'w1');
    const rows = Array.from({ length: 12_000 }, (_, i) => ({
      workspace_id: 'w1',
      source: 'segment',
      message_id: `m${String(i).padStart(6, '0')}`,
      type: 'identify',
      event: null,
      user_id: `u${i}`,
      anonymous_id: null,
      account_id: null,
      group_id: null,
      occurred_at: '2026-10-01T10:00:00.000Z',
      received_at: '2026-10-01T10:00:00.000Z',
      properties: JSON.stringify({ email: `user${i}@example.com` }),
    }));
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('usage_events')
        .values(rows.slice(i, i + 500))
        .execute();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(
      Number(
        (
          await db
            .selectFrom('usage_user_traits')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(12_000);
  });
});

describe('migration 0022: events kept aside indexed by their user', () => {
  it('adds the index, which the re-match of one user’s events reads, and drops it on the way down', async () => {
    const { dbh, migrator } = await databaseAt('2026-11-27T0021-usage-user-traits-backfill');
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const indexes = async () =>
      (dbh.sqlite
        ? await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'index' and name = 'usage_events_unmatched_user'`.execute(
            dbh.db,
          )
        : await sql<{
            name: string;
          }>`select indexname as name from pg_indexes where indexname = 'usage_events_unmatched_user'`.execute(dbh.db)
      ).rows.length;
    expect(await indexes()).toBe(1);
    if (dbh.sqlite) {
      const plan = dbh.sqlite
        .prepare(
          "explain query plan update usage_events set account_id = 'a' where workspace_id = ? and account_id is null and coalesce(user_id, anonymous_id) = ? and group_id is null",
        )
        .all('w1', 'u1') as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join(' ')).toContain('usage_events_unmatched_user');
    }
    expect((await migrator.migrateTo('2026-11-27T0021-usage-user-traits-backfill')).error).toBeUndefined();
    expect(await indexes()).toBe(0);
  });
});
