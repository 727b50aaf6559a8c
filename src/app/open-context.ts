import type { AppContext } from '../platform/app-context.ts';
import type { Config } from '../platform/config/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { reportModeFixed } from '../platform/db/file-modes.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { COMPOSITION } from './modules.ts';
import { createLogger, type Logger } from '../platform/logging/logger.ts';
import { secretBox } from '../platform/secrets/secret-box.ts';
import { loadSecretKey } from '../platform/secrets/secret-key.ts';
import { upkeepWebhookSecrets } from '../modules/deals/index.ts';

/**
 * Opens the database and brings it up to date: what `serve`, `migrate` and every CLI command start with. A serving
 * instance starts a SQLite file's side thread (platform/db/side-thread.ts).
 */
export async function openContext(
  config: Config,
  logger?: Logger,
  options: { serving?: boolean } = {},
): Promise<AppContext> {
  const log = logger ?? createLogger(config.logLevel, { pretty: process.stdout.isTTY && config.env === 'development' });
  const secrets = secretBox(
    loadSecretKey(config, (file) =>
      log.info({ file }, 'secret key made: it seals stored secrets; keep it with your backups'),
    ),
  );
  const dbh = await openDatabase(config.databaseUrl, {
    sideThread: options.serving === true,
    onModeFixed: reportModeFixed(log),
  });
  try {
    const applied = await migrateToLatest(dbh);
    if (applied.length > 0) log.info({ applied }, 'database migrated');
    const { sealed, sealedElsewhere } = await upkeepWebhookSecrets(dbh.db, secrets);
    if (sealed > 0) log.info({ sealed, keyId: secrets.keyId }, 'webhook secrets stored in plain text are now sealed');
    if (sealedElsewhere.size > 0) {
      log.error(
        { keyId: secrets.keyId, sealedWith: Object.fromEntries(sealedElsewhere) },
        'some webhook secrets were sealed with another key than this instance’s, and their webhooks will fail here: give every instance the same BATON_SECRET_KEY, or set those secrets again',
      );
    }
  } catch (err) {
    await dbh.close();
    throw err;
  }
  return {
    config,
    dbh,
    db: dbh.db,
    caps: dbh.caps,
    logger: log,
    jobs: COMPOSITION.jobs,
    secrets,
    now: () => new Date(),
  };
}
