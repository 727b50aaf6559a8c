import type { AddressInfo } from 'node:net';
import type { Config } from '../platform/config/config.ts';
import type { AppContext } from '../platform/app-context.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { buildServer, type Server } from '../platform/http/server.ts';
import { JobRunner } from '../platform/jobs/runner.ts';
import type { Logger } from '../platform/logging/logger.ts';
import { type FirstStart, firstStart } from './first-start.ts';
import { openContext } from './open-context.ts';
import { WEB_DIST_DIR } from './paths.ts';

export interface RunningBaton {
  ctx: AppContext;
  server: Server;
  url: string;
  firstStart: FirstStart | undefined;
  close(): Promise<void>;
}

/** Starts a whole Baton instance: database, first-start setup, HTTP server and job runner. */
export async function startBaton(
  config: Config,
  options: { logger?: Logger; webDir?: string } = {},
): Promise<RunningBaton> {
  const ctx = await openContext(config, options.logger, { serving: true });
  let server: Server | undefined;
  let runner: JobRunner | undefined;
  try {
    const first = await firstStart(ctx);
    server = await buildServer(ctx, { webDir: options.webDir ?? WEB_DIST_DIR });
    await server.app.listen({ host: config.host, port: config.port }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE')
        throw new AppError(
          'unavailable',
          `port ${config.port} on ${config.host} is already in use: stop the other program or set PORT`,
        );
      if (err.code === 'EACCES')
        throw new AppError(
          'unavailable',
          `not allowed to listen on port ${config.port}: choose a port above 1024 with PORT`,
        );
      throw err;
    });
    const address = server.app.server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    if (config.jobsEnabled) {
      runner = new JobRunner({
        db: ctx.db,
        caps: ctx.caps,
        registry: ctx.jobs,
        logger: ctx.logger,
        workerId: config.instanceId,
        pollMs: config.jobsPollMs,
        config,
        secrets: ctx.secrets,
      });
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
