import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { AppError } from '../errors/app-error.ts';
import { migrations } from './migrations/index.ts';

const provider: MigrationProvider = { getMigrations: async () => migrations };

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider, migrationTableName: 'baton_migrations', migrationLockTableName: 'baton_migrations_lock' });
}

/** Applies every pending migration; returns the names applied. Safe to run from several instances at once. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
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
