/** Queries of the daily usage rollups and licensed seats, always within one workspace. */
import { CompiledQuery, sql } from 'kysely';
import { chunked } from '../../../platform/db/chunked.ts';
import { capabilitiesOf, type Db, readTogether, textListRows } from '../../../platform/db/database.ts';
import { type FeatureRollup, type RollupEvent, rollupsOf, type UserRollup } from './rollup.ts';
import type { UsageAccountSeatsTable } from './adoption.table.ts';
import { type AdoptionAggregates, addDays, totalAndTopThree } from './adoption.ts';

/** 5 columns × 500 rows stays under both databases' bound-parameter limits. */
const ROWS_PER_UPSERT = 500;

type RollupTable = 'usage_daily_account_feature' | 'usage_daily_account_user';

/** Compiled upsert text per dialect, table and row count: built once, then values are only bound. */
const compiled = new WeakMap<object, Map<string, string>>();

function upsertSql(db: Db, table: RollupTable, rows: number): string {
  const adapter = db.getExecutor().adapter;
  let cache = compiled.get(adapter);
  if (!cache) compiled.set(adapter, (cache = new Map()));
  const key = `${table}:${rows}`;
  let text = cache.get(key);
  if (text === undefined) {
    const sample = { workspace_id: '', account_id: '', day: '', events: 0 };
    text =
      table === 'usage_daily_account_feature'
        ? db
            .insertInto(table)
            .values(Array.from({ length: rows }, () => ({ ...sample, feature: '' })))
            .onConflict((oc) =>
              oc
                .columns(['workspace_id', 'account_id', 'day', 'feature'])
                .doUpdateSet({ events: sql<number>`usage_daily_account_feature.events + excluded.events` }),
            )
            .compile().sql
        : db
            .insertInto(table)
            .values(Array.from({ length: rows }, () => ({ ...sample, user_key: '' })))
            .onConflict((oc) =>
              oc
                .columns(['workspace_id', 'account_id', 'day', 'user_key'])
                .doUpdateSet({ events: sql<number>`usage_daily_account_user.events + excluded.events` }),
            )
            .compile().sql;
    cache.set(key, text);
  }
  return text;
}

/**
 * On PostgreSQL, one upsert per table with an array per column (`unnest`): 5 parameters whatever the rows. (Keys
 * are distinct, as an upsert that touches a row twice is refused.)
 */
const pgUpsertSql = (table: RollupTable, key: string) =>
  `insert into ${table} (workspace_id, account_id, day, events, ${key})
   select $1, account_id, day, events, k
   from unnest($2::text[], $3::text[], $4::integer[], $5::text[]) as r(account_id, day, events, k)
   on conflict (workspace_id, account_id, day, ${key}) do update set events = ${table}.events + excluded.events`;
const PG_UPSERT = {
  usage_daily_account_feature: pgUpsertSql('usage_daily_account_feature', 'feature'),
  usage_daily_account_user: pgUpsertSql('usage_daily_account_user', 'user_key'),
} as const;

/**
 * Adds (or, with negative counts, takes back) events on rollup rows, one upsert row per distinct key, keys in order.
 */
async function upsertRollup(
  db: Db,
  table: RollupTable,
  workspaceId: string,
  rows: ReadonlyArray<{ account_id: string; day: string; key: string; events: number }>,
): Promise<void> {
  if (rows.length === 0) return;
  if (capabilitiesOf(db).kind === 'postgres') {
    const parameters = [
      workspaceId,
      rows.map((r) => r.account_id),
      rows.map((r) => r.day),
      rows.map((r) => r.events),
      rows.map((r) => r.key),
    ];
    await db.executeQuery(CompiledQuery.raw(PG_UPSERT[table], parameters));
    return;
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_UPSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_UPSERT);
    const parameters: unknown[] = [];
    // Column order as compiled: workspace_id, account_id, day, events, then the key column.
    for (const r of chunk) parameters.push(workspaceId, r.account_id, r.day, r.events, r.key);
    await db.executeQuery(CompiledQuery.raw(upsertSql(db, table, chunk.length), parameters));
  }
}

/** Applies counts to the rollups: `events` may be negative to take an earlier contribution back (imports). */
export async function addRollupCounts(
  db: Db,
  workspaceId: string,
  features: readonly FeatureRollup[],
  users: readonly UserRollup[],
): Promise<void> {
  await upsertRollup(
    db,
    'usage_daily_account_feature',
    workspaceId,
    features.map((f) => ({ account_id: f.account_id, day: f.day, key: f.feature, events: f.events })),
  );
  await upsertRollup(
    db,
    'usage_daily_account_user',
    workspaceId,
    users.map((u) => ({ account_id: u.account_id, day: u.day, key: u.user_key, events: u.events })),
  );
}

/** Adds the usage of newly stored (or newly matched) events to the rollups: one upsert row per distinct key. */
export async function addToRollups(db: Db, workspaceId: string, events: readonly RollupEvent[]): Promise<void> {
  const { features, users } = rollupsOf(events);
  await addRollupCounts(db, workspaceId, features, users);
}

/** Feature rows of one account for days in [from, to]. */
export const selectFeatureRows = (db: Db, workspaceId: string, accountId: string, from: string, to: string) =>
  db
    .selectFrom('usage_daily_account_feature')
    .select(['account_id', 'day', 'feature', 'events'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();

/** User rows of one account for days in [from, to]. */
export const selectUserRows = (db: Db, workspaceId: string, accountId: string, from: string, to: string) =>
  db
    .selectFrom('usage_daily_account_user')
    .select(['account_id', 'day', 'user_key', 'events'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();

export const findSeats = (db: Db, workspaceId: string, accountId: string) =>
  db
    .selectFrom('usage_account_seats')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();

/** The licensed seats of many accounts at once, by account id (accounts without seats left out). */
export async function seatsOfAccounts(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await chunked(accountIds, 500, (chunk) =>
    db
      .selectFrom('usage_account_seats')
      .select(['account_id', 'seats'])
      .where('workspace_id', '=', workspaceId)
      .where('account_id', 'in', chunk)
      .execute(),
  );
  return new Map(rows.map((r) => [r.account_id, Number(r.seats)]));
}

export const upsertSeats = (db: Db, row: UsageAccountSeatsTable) =>
  db
    .insertInto('usage_account_seats')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'account_id']).doUpdateSet({ seats: row.seats, updated_at: row.updated_at }),
    )
    .execute();

export const deleteSeats = (db: Db, workspaceId: string, accountId: string) =>
  db
    .deleteFrom('usage_account_seats')
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .execute();

/** An aggregated JSON array as the driver hands it back: text from SQLite, already parsed from PostgreSQL. */
const jsonArray = <T>(value: unknown): T[] => (typeof value === 'string' ? JSON.parse(value) : value) as T[];

/** An account's adoption aggregates and its licensed seats (null: not known). */
export interface AccountUsage extends AdoptionAggregates {
  seats: number | null;
}

/**
 * The portfolio's adoption aggregates (see `AdoptionAggregates`) of the given accounts that have usage in the
 * window. Each account's rows are read under the rollups' primary key (a range of days of one account), so
 * nothing sorts the whole window: per account, one subquery groups its few user rows by user and one collects
 * its distinct features, each answering a JSON array. The accounts are cut in two halves read at once
 * (`readTogether`: on a served SQLite file, one half on its side thread), each account with its licensed seats.
 * The users' event totals come back whole and the top three are picked here: cheaper than ranking every user
 * with a window function.
 */
export async function selectAdoptionAggregates(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[],
  from: string,
  day: string,
): Promise<Map<string, AccountUsage>> {
  const out = new Map<string, AccountUsage>();
  if (accountIds.length === 0) return out;
  const caps = capabilitiesOf(db);
  const [array, arrayAgg] = [sql.raw(caps.jsonArray), sql.raw(caps.jsonArrayAgg)];
  const week = addDays(day, -6);
  const prevFrom = addDays(day, -27);
  const prevTo = addDays(day, -21);
  const pass = (ids: readonly string[]) =>
    sql`
    select a.value as account_id, (
      select ${array}(
        sum(case when last_day = ${day} then 1 else 0 end), sum(case when last_day >= ${week} then 1 else 0 end),
        count(*), sum(prev), ${arrayAgg}(ev))
      from (
        select sum(events) as ev, max(day) as last_day,
          max(case when day >= ${prevFrom} and day <= ${prevTo} then 1 else 0 end) as prev
        from usage_daily_account_user u
        where u.workspace_id = ${workspaceId} and u.account_id = a.value
          and u.day >= ${from} and u.day <= ${day} and u.events > 0
        group by u.user_key
      ) per_user
    ) as users, (
      select ${array}(sum(events), ${arrayAgg}(distinct feature))
      from usage_daily_account_feature f
      where f.workspace_id = ${workspaceId} and f.account_id = a.value
        and f.day >= ${from} and f.day <= ${day} and f.events > 0
    ) as features,
    (select s.seats from usage_account_seats s
      where s.workspace_id = ${workspaceId} and s.account_id = a.value) as seats
    from ${textListRows(db, ids)} a`.compile(db);
  // In key order, so that consecutive accounts sit side by side in the b-tree.
  const sorted = [...accountIds].sort();
  const halves = [sorted.slice(0, sorted.length >> 1), sorted.slice(sorted.length >> 1)].filter((h) => h.length > 0);
  for (const r of (await readTogether(db, halves.map(pass))).flat()) {
    // An account without rows in the window answers a count of 0 and null sums, arrays empty (SQLite) or null
    // (PostgreSQL).
    const [dau, wau, mau, previous, perUser] = jsonArray<unknown>(r.users);
    const [events, used] = jsonArray<unknown>(r.features);
    if (Number(mau) === 0 && events === null) continue; // no usage in the window
    const [userEvents, top3UserEvents] = totalAndTopThree((perUser ?? []) as Array<number | string>);
    out.set(r.account_id as string, {
      dau: Number(dau),
      wau: Number(wau),
      mau: Number(mau),
      previous: Number(previous),
      userEvents,
      top3UserEvents,
      events30d: Number(events),
      featuresUsed: (used ?? []) as string[],
      seats: r.seats === null ? null : Number(r.seats),
    });
  }
  return out;
}
