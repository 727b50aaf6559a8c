import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Migrator } from 'kysely';
import pg from 'pg';
import type { DialectCapabilities } from '../../src/platform/db/capabilities.ts';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest, migrator as migratorOf } from '../../src/platform/db/migrate.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { composition } from '../../src/platform/modules/composition.ts';

export interface TestDatabase {
  db: Kysely<Database>;
  caps: DialectCapabilities;
  dbh: DatabaseHandle;
  /** The URL the database was opened with (to open a second handle, as a second instance would). */
  url: string;
  close(): Promise<void>;
}

/** The PostgreSQL server tests run against, when set; otherwise SQLite. */
export const TEST_POSTGRES_URL = process.env.BATON_TEST_DATABASE_URL || undefined;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * The URL of a new, empty database: a SQLite file or `:memory:`, or a new PostgreSQL database when
 * BATON_TEST_DATABASE_URL is set. `drop` removes the PostgreSQL database (close every handle first).
 */
export async function createEmptyDatabase(sqliteFile?: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_POSTGRES_URL) return { url: `sqlite:${sqliteFile ?? ':memory:'}`, drop: async () => {} };
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: withDatabase(TEST_POSTGRES_URL, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * The name of a PostgreSQL database migrated to the current migrations, made once per set of migrations (named by
 * a hash of their names and code) and kept as a template: a suite's database is copied from it, which is several
 * times quicker than migrating each one. Concurrent runs agree through an advisory lock.
 */
let templateName: Promise<string> | undefined;
async function migratedTemplate(): Promise<string> {
  const hash = createHash('sha256');
  for (const [name, m] of Object.entries(composition().migrations)) hash.update(`${name}\n${m.up.toString()}\n`);
  const name = `baton_tmpl_${hash.digest('hex').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const dbh = await openDatabase(withDatabase(TEST_POSTGRES_URL!, building), { poolSize: 1 });
      try {
        await migrateToLatest(dbh);
      } finally {
        await dbh.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    }
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => {});
    await admin.end();
  }
}

/**
 * The URL of a new database at the current migrations: on PostgreSQL copied from the migrated template, on SQLite
 * an empty file or `:memory:` (migrating SQLite is quick; whoever opens it migrates it). Dropped by `drop`.
 */
export async function createMigratedDatabase(sqliteFile?: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_POSTGRES_URL) return createEmptyDatabase(sqliteFile);
  templateName ??= migratedTemplate().catch((err: unknown) => {
    templateName = undefined;
    throw err;
  });
  const template = await templateName;
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(TEST_POSTGRES_URL!, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A fresh, migrated database for one suite (see createEmptyDatabase), dropped on close. */
export async function createTestDatabase(options: { sqliteFile?: string } = {}): Promise<TestDatabase> {
  const empty = await createMigratedDatabase(options.sqliteFile);
  const dbh = await openDatabase(empty.url, { poolSize: 5 });
  if (!TEST_POSTGRES_URL) await migrateToLatest(dbh);
  return {
    db: dbh.db,
    caps: dbh.caps,
    dbh,
    url: empty.url,
    close: async () => {
      await dbh.close();
      await empty.drop();
    },
  };
}

/**
 * A fresh database migrated up to the named migration only, with the migrator to move it on (or back): for
 * tests of one migration against the data an earlier schema held. Closed and dropped with `close`.
 */
export async function createDatabaseAt(
  migration: string,
): Promise<{ dbh: DatabaseHandle; migrator: Migrator; close(): Promise<void> }> {
  const empty = await createEmptyDatabase();
  const dbh = await openDatabase(empty.url);
  const migrator = migratorOf(dbh.db);
  const close = async () => {
    await dbh.close();
    await empty.drop();
  };
  const { error } = await migrator.migrateTo(migration);
  if (error) {
    await close();
    throw error;
  }
  return { dbh, migrator, close };
}
