import './modules.ts';
import type { Config } from '../platform/config/config.ts';
import { restorePostgres, restoreSqlite, type Restored } from '../platform/db/restore.ts';
import { keyIdOf } from '../platform/secrets/secret-box.ts';
import { findSecretKey } from '../platform/secrets/secret-key.ts';
import { webhookSecretKeys } from '../modules/deals/index.ts';
import { AppError } from '../platform/errors/app-error.ts';

export interface RestoreReport extends Restored<{ secretKeys: Map<string, number> }> {
  /** This instance's key (BATON_SECRET_KEY, else the data folder's secret.key), when it has one. */
  instanceKey: { id: string; from: string } | undefined;
}

/**
 * `baton restore`: puts a backup made by `baton backup` in the place of the configured database (SQLite), or into
 * the empty PostgreSQL database it names, brought up to this version; and tells which keys seal the stored secrets
 * it holds against this instance's key, which must be the same for them to open.
 */
export async function restoreBackup(config: Config, file: string, now = new Date()): Promise<RestoreReport> {
  const inspect = async ({ db }: { db: Parameters<typeof webhookSecretKeys>[0] }) => ({
    secretKeys: await webhookSecretKeys(db),
  });
  let restored: Restored<{ secretKeys: Map<string, number> }>;
  if (config.databaseUrl.startsWith('sqlite:')) {
    const dbFile = config.databaseUrl.slice('sqlite:'.length);
    if (dbFile === '' || dbFile === ':memory:')
      throw new AppError('validation', 'DATABASE_URL names an in-memory database: there is nothing to restore into');
    restored = await restoreSqlite(file, dbFile, { inspect, now });
  } else {
    restored = await restorePostgres(file, config.databaseUrl, { inspect, now });
  }
  const key = findSecretKey(config);
  return { ...restored, instanceKey: key && { id: keyIdOf(key.key), from: key.from } };
}
