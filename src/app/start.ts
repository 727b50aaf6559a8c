import type { AddressInfo } from 'node:net';
import type { Config } from '../platform/config/config.ts';
import type { AppContext } from '../platform/app-context.ts';
import { openDatabase } from '../platform/db/database.ts';
import { reportModeFixed } from '../platform/db/file-modes.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { buildServer, type Server } from '../platform/http/server.ts';
import { registryOf } from '../platform/jobs/job.service.ts';
import { JOBS } from '../platform/jobs/registry.ts';
import { JobRunner } from '../platform/jobs/runner.ts';
import { createLogger, type Logger } from '../platform/logging/logger.ts';
import { secretBox } from '../platform/secrets/secret-box.ts';
import { loadSecretKey } from '../platform/secrets/secret-key.ts';
import { upkeepWebhookSecrets } from '../modules/deals/webhooks/integration.service.ts';
import { type FirstStart, firstStart } from './first-start.ts';
import { WEB_DIST_DIR } from './paths.ts';

export interface RunningBaton {
  ctx: AppContext;
  server: Server;
  url: string;
  firstStart: FirstStart | undefined;
  close(): Promise<void>;
}

/**
 * Opens the database and brings it up to date: what `serve`, `migrate` and every CLI command start with. A serving
 * instance starts a SQLite file's side thread (platform/db/side-thread.ts).
 */
export async function openContext(config: Config, logger?: Logger, options: { serving?: boolean } = {}): Promise<AppContext> {
  const log = logger ?? createLogger(config.logLevel, { pretty: process.stdout.isTTY && config.env === 'development' });
  const secrets = secretBox(loadSecretKey(config, (file) => log.info({ file }, 'secret key made: it seals stored secrets; keep it with your backups')));
  const dbh = await openDatabase(config.databaseUrl, { sideThread: options.serving === true, onModeFixed: reportModeFixed(log) });
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
  return { config, dbh, db: dbh.db, caps: dbh.caps, logger: log, jobs: registryOf(JOBS), secrets };
}

/** Starts a whole Baton instance: database, first-start setup, HTTP server and job runner. */
export async function startBaton(config: Config, options: { logger?: Logger; webDir?: string } = {}): Promise<RunningBaton> {
  const ctx = await openContext(config, options.logger, { serving: true });
  let server: Server | undefined;
  let runner: JobRunner | undefined;
  try {
    const first = await firstStart(ctx);
    server = await buildServer(ctx, { webDir: options.webDir ?? WEB_DIST_DIR });
    await server.app.listen({ host: config.host, port: config.port }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') throw new AppError('unavailable', `port ${config.port} on ${config.host} is already in use: stop the other program or set PORT`);
      if (err.code === 'EACCES') throw new AppError('unavailable', `not allowed to listen on port ${config.port}: choose a port above 1024 with PORT`);
      throw err;
    });
    const address = server.app.server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    if (config.jobsEnabled) {
      runner = new JobRunner({ db: ctx.db, caps: ctx.caps, registry: ctx.jobs, logger: ctx.logger, workerId: config.instanceId, pollMs: config.jobsPollMs });
      runner.start();
    }
    const srv = server;
    const run = runner;
    return {
      ctx,
      server: srv,
      url,
      firstStart: first,
      close: async () => {
        await run?.stop();
        await srv.app.close();
        await ctx.dbh.close();
      },
    };
  } catch (err) {
    await runner?.stop();
    await server?.app.close();
    await ctx.dbh.close();
    throw err;
  }
}
