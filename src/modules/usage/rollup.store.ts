/** Queries of the daily usage rollups and licensed seats, always within one workspace. */
import { CompiledQuery, sql } from 'kysely';
import { capabilitiesOf, type Db, readTogether } from '../../platform/db/database.ts';
import { type FeatureRollup, type RollupEvent, rollupsOf, type UserRollup } from './rollup.ts';
import type { UsageAccountSeatsTable } from './usage.table.ts';
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
            .onConflict((oc) => oc.columns(['workspace_id', 'account_id', 'day', 'feature']).doUpdateSet({ events: sql<number>`usage_daily_account_feature.events + excluded.events` }))
            .compile().sql
        : db
            .insertInto(table)
            .values(Array.from({ length: rows }, () => ({ ...sample, user_key: '' })))
            .onConflict((oc) => oc.columns(['workspace_id', 'account_id', 'day', 'user_key']).doUpdateSet({ events: sql<number>`usage_daily_account_user.events + excluded.events` }))
            .compile().sql;
    cache.set(key, text);
  }
  return text;
}

/** Adds (or, with negative counts, takes back) events on rollup rows, one upsert row per distinct key, keys in order. */
async function upsertRollup(db: Db, table: RollupTable, workspaceId: string, rows: ReadonlyArray<{ account_id: string; day: string; key: string; events: number }>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_UPSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_UPSERT);
    const parameters: unknown[] = [];
    // Column order as compiled: workspace_id, account_id, day, events, then the key column.
    for (const r of chunk) parameters.push(workspaceId, r.account_id, r.day, r.events, r.key);
    await db.executeQuery(CompiledQuery.raw(upsertSql(db, table, chunk.length), parameters));
  }
}

/** Applies counts to the rollups: `events` may be negative to take an earlier contribution back (imports). */
export async function addRollupCounts(db: Db, workspaceId: string, features: readonly FeatureRollup[], users: readonly UserRollup[]): Promise<void> {
  await upsertRollup(db, 'usage_daily_account_feature', workspaceId, features.map((f) => ({ account_id: f.account_id, day: f.day, key: f.feature, events: f.events })));
  await upsertRollup(db, 'usage_daily_account_user', workspaceId, users.map((u) => ({ account_id: u.account_id, day: u.day, key: u.user_key, events: u.events })));
}

/** Adds the usage of newly stored (or newly matched) events to the rollups: one upsert row per distinct key. */
export async function addToRollups(db: Db, workspaceId: string, events: readonly RollupEvent[]): Promise<void> {
  const { features, users } = rollupsOf(events);
  await addRollupCounts(db, workspaceId, features, users);
}

/** Feature rows of one account (or every account when null) for days in [from, to]. */
export const selectFeatureRows = (db: Db, workspaceId: string, accountId: string | null, from: string, to: string) => {
  let q = db.selectFrom('usage_daily_account_feature').select(['account_id', 'day', 'feature', 'events']).where('workspace_id', '=', workspaceId).where('day', '>=', from).where('day', '<=', to);
  if (accountId) q = q.where('account_id', '=', accountId);
  return q.execute();
};

/** User rows of one account (or every account when null) for days in [from, to]. */
export const selectUserRows = (db: Db, workspaceId: string, accountId: string | null, from: string, to: string) => {
  let q = db.selectFrom('usage_daily_account_user').select(['account_id', 'day', 'user_key', 'events']).where('workspace_id', '=', workspaceId).where('day', '>=', from).where('day', '<=', to);
  if (accountId) q = q.where('account_id', '=', accountId);
  return q.execute();
};

export const findSeats = (db: Db, workspaceId: string, accountId: string) =>
  db.selectFrom('usage_account_seats').selectAll().where('workspace_id', '=', workspaceId).where('account_id', '=', accountId).executeTakeFirst();

export const selectAllSeats = (db: Db, workspaceId: string) => db.selectFrom('usage_account_seats').select(['account_id', 'seats']).where('workspace_id', '=', workspaceId).execute();

export const upsertSeats = (db: Db, row: UsageAccountSeatsTable) =>
  db
    .insertInto('usage_account_seats')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'account_id']).doUpdateSet({ seats: row.seats, updated_at: row.updated_at }))
    .execute();

export const deleteSeats = (db: Db, workspaceId: string, accountId: string) =>
  db.deleteFrom('usage_account_seats').where('workspace_id', '=', workspaceId).where('account_id', '=', accountId).execute();


/** An aggregated JSON array as the driver hands it back: text from SQLite, already parsed from PostgreSQL. */
const jsonArray = <T>(value: unknown): T[] => (typeof value === 'string' ? JSON.parse(value) : value) as T[];

/**
 * The portfolio's adoption aggregates (see `AdoptionAggregates`) for every account with usage in the window,
 * computed by the database in two grouped passes instead of reading every daily row, one row per account from
 * each, run at the same time (`readTogether`: the users pass, the heavier, on a served SQLite file's side thread).
 * The users pass hands back each user's event total as one array per account, and the top three are picked
 * here: cheaper than ranking every user with a window function in the database.
 */
export async function selectAdoptionAggregates(db: Db, workspaceId: string, from: string, day: string): Promise<Map<string, AdoptionAggregates>> {
  const week = addDays(day, -6);
  const prevFrom = addDays(day, -27);
  const prevTo = addDays(day, -21);
  const users = sql`
    with per_user as (
      select account_id, user_key, sum(events) as ev, max(day) as last_day,
        max(case when day >= ${prevFrom} and day <= ${prevTo} then 1 else 0 end) as prev
      from usage_daily_account_user
      where workspace_id = ${workspaceId} and day >= ${from} and day <= ${day} and events > 0
      group by account_id, user_key
    )
    select account_id, sum(case when last_day = ${day} then 1 else 0 end) as dau, sum(case when last_day >= ${week} then 1 else 0 end) as wau,
      count(*) as mau, sum(prev) as previous, ${sql.raw(capabilitiesOf(db).jsonArrayAgg)}(ev) as per_user
    from per_user group by account_id`.compile(db);
  const features = sql`
    select account_id, sum(events) as events, ${sql.raw(capabilitiesOf(db).jsonArrayAgg)}(distinct feature) as features
    from usage_daily_account_feature
    where workspace_id = ${workspaceId} and day >= ${from} and day <= ${day} and events > 0
    group by account_id`.compile(db);
  const [userRows, featureRows] = await readTogether(db, [users, features]);
  const out = new Map<string, AdoptionAggregates>();
  const of = (id: string) => {
    let a = out.get(id);
    if (!a) out.set(id, (a = { dau: 0, wau: 0, mau: 0, previous: 0, userEvents: 0, top3UserEvents: 0, events30d: 0, featuresUsed: [] }));
    return a;
  };
  for (const r of userRows ?? []) {
    const a = of(r.account_id as string);
    a.dau = Number(r.dau);
    a.wau = Number(r.wau);
    a.mau = Number(r.mau);
    a.previous = Number(r.previous);
    const [total, top3] = totalAndTopThree(jsonArray<number | string>(r.per_user));
    a.userEvents = total;
    a.top3UserEvents = top3;
  }
  for (const r of featureRows ?? []) {
    const a = of(r.account_id as string);
    a.events30d = Number(r.events);
    a.featuresUsed = jsonArray<string>(r.features);
  }
  return out;
}
