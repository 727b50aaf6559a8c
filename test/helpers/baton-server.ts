import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBaton as start } from '../../src/app/start.ts';
import { buildWeb, webIsBuilt } from '../../src/app/web-build.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { createEmptyDatabase } from './test-db.ts';

export interface RunningTestBaton {
  url: string;
  adminEmail: string;
  adminPassword: string;
  /** The server's database, for driving it with the `baton` command as an operator would. */
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * A real Baton server on a free port, as `npm start` runs it: its own fresh database (a temporary SQLite
 * file, or a new PostgreSQL database when BATON_TEST_DATABASE_URL is set), first-start setup, the built web app.
 */
export async function startBaton(options: { demo?: boolean; jobs?: boolean } = {}): Promise<RunningTestBaton> {
  if (!webIsBuilt()) await buildWeb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-test-'));
  const database = await createEmptyDatabase(path.join(dataDir, 'baton.db'));
  const adminEmail = 'admin@example.com';
  const adminPassword = 'correct-horse-battery';
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    BATON_DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    BATON_DEMO: String(options.demo ?? true),
    BATON_ADMIN_EMAIL: adminEmail,
    BATON_ADMIN_PASSWORD: adminPassword,
    // The job runner only for tests that follow jobs (the Health page's scoring and backtest).
    BATON_JOBS: String(options.jobs ?? false),
  });
  const baton = await start(config, { logger: createLogger('silent') });
  return {
    url: baton.url,
    adminEmail,
    adminPassword,
    databaseUrl: database.url,
    close: async () => {
      await baton.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
