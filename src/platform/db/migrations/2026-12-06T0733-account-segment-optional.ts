import { type Kysely, sql, SqliteAdapter } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * An account may have no segment until someone gives it one (an import of a file without a segment column).
 * PostgreSQL drops the NOT NULL. SQLite cannot: the table is rebuilt from its own stored definition with the
 * segment column made nullable, rows and indexes kept — with foreign keys off meanwhile (SQLite migrations run
 * outside a transaction), so dropping the old table does not cascade to the contacts, deals and everything else
 * that references accounts; the references are checked before foreign keys are turned back on.
 */
const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

async function rebuildSqlite(db: Kysely<any>, segmentNullable: boolean): Promise<void> {
  const table = (
    await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'accounts'`.execute(db)
  ).rows[0]?.sql;
  if (!table) throw new Error('accounts table not found');
  const indexes = (
    await sql<{
      sql: string;
    }>`select sql from sqlite_master where type = 'index' and tbl_name = 'accounts' and sql is not null`.execute(db)
  ).rows.map((r) => r.sql);
  const segment = /("segment"\s+text)(\s+not null)?/i;
  if (!segment.test(table)) throw new Error('accounts.segment not found in the table definition');
  const created = table
    .replace(/^create table\s+("?accounts"?)/i, 'create table "accounts_rebuilt"')
    .replace(segment, segmentNullable ? '$1' : '$1 not null');
  const fk = (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]?.foreign_keys ?? 0;
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql.raw(created).execute(db);
    await sql`insert into accounts_rebuilt select * from accounts`.execute(db);
    await sql`drop table accounts`.execute(db);
    await sql`alter table accounts_rebuilt rename to accounts`.execute(db);
    for (const index of indexes) await sql.raw(index).execute(db);
    const broken = (await sql`pragma foreign_key_check`.execute(db)).rows;
    if (broken.length)
      throw new Error(`foreign keys broken by the accounts rebuild: ${JSON.stringify(broken.slice(0, 5))}`);
  } finally {
    if (fk) await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) await rebuildSqlite(db, true);
  else await sql`alter table accounts alter column segment drop not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update accounts set segment = 'smb' where segment is null`.execute(db);
  if (isSqlite(db)) await rebuildSqlite(db, false);
  else await sql`alter table accounts alter column segment set not null`.execute(db);
}
