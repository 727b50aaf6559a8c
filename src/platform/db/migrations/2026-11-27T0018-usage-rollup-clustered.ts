import { type Kysely, sql, SqliteAdapter } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * The adoption numbers read the daily rollups one account at a time (a range of days under its primary key).
 * On SQLite the two tables become clustered on that key (WITHOUT ROWID): a row lives in the key's own b-tree,
 * so those reads find `events` beside the key, and a rollup upsert writes one b-tree instead of three (table,
 * key, window index). The (workspace, day, …) window indexes go on both databases: no query reads by day
 * across accounts any more.
 */
const TABLES = [
  { name: 'usage_daily_account_feature', key: 'feature', window: 'usage_daily_account_feature_window' },
  { name: 'usage_daily_account_user', key: 'user_key', window: 'usage_daily_account_user_window' },
] as const;

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

async function rebuild(db: Kysely<any>, table: (typeof TABLES)[number], clustered: boolean): Promise<void> {
  const old = `${table.name}_previous`;
  await db.schema.alterTable(table.name).renameTo(old).execute();
  let create = db.schema
    .createTable(table.name)
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn(table.key, 'text', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${table.name}_pk`, ['workspace_id', 'account_id', 'day', table.key]);
  if (clustered) create = create.modifyEnd(sql`without rowid`);
  await create.execute();
  await sql`insert into ${sql.table(table.name)} (workspace_id, account_id, day, ${sql.ref(table.key)}, events)
    select workspace_id, account_id, day, ${sql.ref(table.key)}, events from ${sql.table(old)}
    order by workspace_id, account_id, day, ${sql.ref(table.key)}`.execute(db);
  await db.schema.dropTable(old).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    if (isSqlite(db)) await rebuild(db, table, true);
    else await db.schema.dropIndex(table.window).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    if (isSqlite(db)) await rebuild(db, table, false);
    await db.schema
      .createIndex(table.window)
      .on(table.name)
      .columns(['workspace_id', 'day', 'account_id', table.key, 'events'])
      .execute();
  }
}
