/** Queries of product usage: events and user → group mappings, always within one workspace. */
import { CompiledQuery, sql } from 'kysely';
import { capabilitiesOf, type Db, sqliteInTransaction } from '../../../platform/db/database.ts';
import type { RollupEvent } from '../adoption/rollup.ts';
import type { UsageEventTable, UsageUserTable, UsageUserTraitsTable } from './ingest.table.ts';

/** The columns of an event the rollups take (see rollup.ts). */
const ROLLUP_COLUMNS = ['account_id', 'type', 'event', 'user_id', 'anonymous_id', 'occurred_at'] as const;

const EVENT_COLUMNS: ReadonlyArray<keyof UsageEventTable> = [
  'workspace_id',
  'source',
  'message_id',
  'type',
  'event',
  'user_id',
  'anonymous_id',
  'account_id',
  'group_id',
  'occurred_at',
  'received_at',
  'properties',
];
/**
 * On PostgreSQL, one statement per 5,000 events, the rows bound as one JSON text (`json_populate_recordset`):
 * one parameter whatever the rows, and the cheapest form for the server to build here (against a text array per
 * column, 10 % less CPU per event; against a row of parameters each, much less).
 */
const PG_ROWS_PER_INSERT = 5000;
const PG_INSERT_EVENTS = `insert into usage_events (${EVENT_COLUMNS.join(', ')}) select ${EVENT_COLUMNS.join(', ')} from json_populate_recordset(null::usage_events, $1::json) on conflict (workspace_id, source, message_id) do nothing returning source, message_id`;

/** The one-row insert of an event on SQLite, prepared once per connection. */
const sqliteInserts = new WeakMap<object, EventInsert>();
interface EventInsert {
  run(...values: unknown[]): { changes: number };
}

/**
 * On SQLite (inside the writer's transaction), a prepared one-row insert run per event is cheaper than a
 * 500-row statement returning its rows: `changes` tells whether each event was new.
 */
function insertNewEventsSqlite(
  sqlite: NonNullable<ReturnType<typeof sqliteInTransaction>>,
  rows: readonly UsageEventTable[],
): boolean[] {
  let statement = sqliteInserts.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare(
      `insert into usage_events (${EVENT_COLUMNS.join(', ')}) values (${EVENT_COLUMNS.map(() => '?').join(', ')}) on conflict (workspace_id, source, message_id) do nothing`,
    ) as unknown as EventInsert;
    sqliteInserts.set(sqlite, statement);
  }
  const inserted: boolean[] = new Array(rows.length);
  rows.forEach((r, i) => {
    inserted[i] =
      statement.run(
        r.workspace_id,
        r.source,
        r.message_id,
        r.type,
        r.event,
        r.user_id,
        r.anonymous_id,
        r.account_id,
        r.group_id,
        r.occurred_at,
        r.received_at,
        r.properties,
      ).changes === 1;
  });
  return inserted;
}

/**
 * Inserts events, skipping those already stored (same workspace, source and message id), the database deciding
 * what is new (`ON CONFLICT DO NOTHING`), so a retried batch costs no query per event. Inside a transaction.
 * Returns, for each row in order, whether it was new.
 */
export async function insertNewEvents(db: Db, rows: readonly UsageEventTable[]): Promise<boolean[]> {
  if (capabilitiesOf(db).kind === 'sqlite') {
    const sqlite = sqliteInTransaction(db);
    if (!sqlite) throw new Error('usage events are inserted inside a transaction');
    return insertNewEventsSqlite(sqlite, rows);
  }
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += PG_ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + PG_ROWS_PER_INSERT);
    const result = await db.executeQuery<{ source: string; message_id: string }>(
      CompiledQuery.raw(PG_INSERT_EVENTS, [JSON.stringify(chunk)]),
    );
    for (const r of result.rows) inserted.add(`${r.source}\u0000${r.message_id}`);
  }
  return rows.map((r) => inserted.has(`${r.source}\u0000${r.message_id}`));
}

export const selectUsers = (db: Db, workspaceId: string, userIds: readonly string[]): Promise<UsageUserTable[]> =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('usage_users')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('user_id', 'in', [...userIds])
        .execute();

export const upsertUser = (db: Db, row: UsageUserTable) =>
  db
    .insertInto('usage_users')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'user_id'])
        .doUpdateSet({ group_id: row.group_id, account_id: row.account_id, updated_at: row.updated_at }),
    )
    .execute();

/** Records the emails users identified with (the last one given wins). */
export const upsertUserEmails = (db: Db, rows: UsageUserTraitsTable[]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('usage_user_traits')
        .values(rows)
        .onConflict((oc) =>
          oc
            .columns(['workspace_id', 'user_id'])
            .doUpdateSet((eb) => ({ email: eb.ref('excluded.email'), updated_at: eb.ref('excluded.updated_at') })),
        )
        .execute()
        .then(() => undefined);

/** The emails the given users identified with. */
export const selectUserEmails = (db: Db, workspaceId: string, userIds: readonly string[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('usage_user_traits')
        .select(['user_id', 'email'])
        .where('workspace_id', '=', workspaceId)
        .where('user_id', 'in', [...userIds])
        .execute();

/** Groups and users of the events kept aside, with their counts. */
export const selectUnmatchedGroups = (db: Db, workspaceId: string, limit: number) =>
  db
    .selectFrom('usage_events')
    .select((eb) => [
      'group_id',
      eb.fn.coalesce('user_id', 'anonymous_id').as('user'),
      eb.fn.countAll().as('events'),
      eb.fn.min('occurred_at').as('first_at'),
      eb.fn.max('occurred_at').as('last_at'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is', null)
    .groupBy(['group_id', 'user_id', 'anonymous_id'])
    .orderBy('events', 'desc')
    .limit(limit)
    .execute();

/** Users whose group had no account yet. */
export const selectUnresolvedUsers = (db: Db, workspaceId: string) =>
  db
    .selectFrom('usage_users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is', null)
    .execute();

/** Gives users still without an account theirs, found by their key (500 per statement). */
export async function setUsersAccount(
  db: Db,
  workspaceId: string,
  userIds: readonly string[],
  accountId: string,
  at: string,
): Promise<void> {
  for (let i = 0; i < userIds.length; i += 500) {
    await db
      .updateTable('usage_users')
      .set({ account_id: accountId, updated_at: at })
      .where('workspace_id', '=', workspaceId)
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .where('account_id', 'is', null)
      .execute();
  }
}

/** Gives the events kept aside of a group their account; returns the events matched. */
export const setGroupAccount = (
  db: Db,
  workspaceId: string,
  groupId: string,
  accountId: string,
): Promise<RollupEvent[]> =>
  db
    .updateTable('usage_events')
    .set({ account_id: accountId })
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is', null)
    .where('group_id', '=', groupId)
    .returning([...ROLLUP_COLUMNS])
    .execute();

/**
 * Events without a group of their own from a user (their user id, else their anonymous id, as ingest keys users)
 * now known to belong to a group with an account: found through the index of the events kept aside by user.
 */
export const setUserEventsAccount = (
  db: Db,
  workspaceId: string,
  user: string,
  groupId: string,
  accountId: string,
): Promise<RollupEvent[]> =>
  db
    .updateTable('usage_events')
    .set({ account_id: accountId, group_id: groupId })
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is', null)
    .where(sql`coalesce(user_id, anonymous_id)`, '=', user)
    .where('group_id', 'is', null)
    .returning([...ROLLUP_COLUMNS])
    .execute();

/** Distinct groups of events kept aside. */
export const selectUnmatchedGroupIds = async (db: Db, workspaceId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('usage_events')
      .select('group_id')
      .distinct()
      .where('workspace_id', '=', workspaceId)
      .where('account_id', 'is', null)
      .where('group_id', 'is not', null)
      .execute()
  ).map((r) => r.group_id as string);

/** Users with events kept aside that name no group. */
export const selectUngroupedUsers = async (db: Db, workspaceId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('usage_events')
      .select((eb) => eb.fn.coalesce('user_id', 'anonymous_id').as('user'))
      .distinct()
      .where('workspace_id', '=', workspaceId)
      .where('account_id', 'is', null)
      .where('group_id', 'is', null)
      .execute()
  )
    .map((r) => r.user)
    .filter((u): u is string => typeof u === 'string');

/** Per source: events kept aside without an account, read through the index of those events alone. */
export const selectUnmatchedCounts = (db: Db, workspaceId: string) =>
  db
    .selectFrom('usage_events')
    .select((eb) => ['source', eb.fn.countAll<number>().as('unmatched')])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is', null)
    .groupBy('source')
    .execute();
