import { openContext } from '../app/open-context.ts';
import type { AppContext } from '../platform/app-context.ts';
import { loadConfig } from '../platform/config/config.ts';
import { createLogger } from '../platform/logging/logger.ts';

/** Runs a CLI command against the configured database, migrated, and closes it afterwards. */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ctx = await openContext(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    return await fn(ctx);
  } finally {
    await ctx.dbh.close();
  }
}
