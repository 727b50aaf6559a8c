import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { AppError } from '../errors/app-error.ts';
import type { DatabaseHandle } from './database.ts';
import { composition } from '../modules/composition.ts';

const provider: MigrationProvider = { getMigrations: async () => composition().migrations };

/** The migrator over Baton's migrations and its bookkeeping tables. */
export function migrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider,
    migrationTableName: 'baton_migrations',
    migrationLockTableName: 'baton_migrations_lock',
  });
}

/**
 * Runs `fn` holding SQLite's write lock (BEGIN IMMEDIATE), so that two instances starting on one file
 * migrate one after the other. The lock is asked for without blocking the event loop, and retried.
 */
async function withSqliteWriteLock<T>(sqlite: NonNullable<DatabaseHandle['sqlite']>, fn: () => Promise<T>): Promise<T> {
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    for (let waited = 0; ; waited += 25) {
      try {
        sqlite.exec('BEGIN IMMEDIATE');
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY' || waited > 30_000) throw err;
        await new Promise((r) => setTimeout(r, 25));
      }
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
  try {
    const result = await fn();
    sqlite.exec('COMMIT');
    return result;
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  }
}

/**
 * Applies every pending migration; returns the names applied. Safe to run from several instances at once:
 * PostgreSQL serialises them with Kysely's advisory lock, SQLite with its write lock.
 */
export async function migrateToLatest(dbh: DatabaseHandle): Promise<string[]> {
  const run = () => migrator(dbh.db).migrateToLatest();
  const { error, results } = dbh.sqlite ? await withSqliteWriteLock(dbh.sqlite, run) : await run();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('internal', `Migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied. */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
