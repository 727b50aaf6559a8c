import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBaton, startBaton } from '../../src/app/start.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { createEmptyDatabase } from '../helpers/test-db.ts';

const silent = createLogger('silent');
let dir: string;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-start-'));
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningBaton> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    BATON_DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    BATON_JOBS: 'false',
    ...env,
  });
  return startBaton(config, { logger: silent });
}

async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(204);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

// Each start builds a whole workspace (the demo is a year of a portfolio's history): minutes on a busy machine.
describe('first start', { timeout: 180_000 }, () => {
  it('creates the demo workspace and an admin with a generated password, once', async () => {
    const database = await createEmptyDatabase(path.join(dir, 'demo.db'));
    cleanups.push(database.drop);
    const first = await start(database.url);
    expect(first.firstStart).toMatchObject({ email: 'admin@baton.local', workspaceSlug: 'demo', demo: true });
    const password = first.firstStart?.generatedPassword as string;
    expect(password.length).toBeGreaterThanOrEqual(16);
    const cookie = await signIn(first.url, 'admin@baton.local', password);
    const accounts = (await (await fetch(`${first.url}/api/v1/accounts?limit=1`, { headers: { cookie } })).json()) as {
      total: number;
    };
    expect(accounts.total).toBeGreaterThanOrEqual(150);
    await first.close();

    const second = await start(database.url);
    expect(second.firstStart).toBeUndefined();
    await signIn(second.url, 'admin@baton.local', password);
    await second.close();
  });

  it('with BATON_DEMO=false starts an empty workspace with the configured admin', async () => {
    const database = await createEmptyDatabase(path.join(dir, 'empty.db'));
    cleanups.push(database.drop);
    const baton = await start(database.url, {
      BATON_DEMO: 'false',
      BATON_ADMIN_EMAIL: 'ops@example.com',
      BATON_ADMIN_PASSWORD: 'a-long-password',
    });
    expect(baton.firstStart).toMatchObject({ workspaceSlug: 'main', generatedPassword: undefined });
    const cookie = await signIn(baton.url, 'ops@example.com', 'a-long-password');
    const accounts = (await (await fetch(`${baton.url}/api/v1/accounts`, { headers: { cookie } })).json()) as {
      total: number;
    };
    expect(accounts.total).toBe(0);
    await baton.close();
  });

  it('lets two instances start together on one empty database; one of them sets it up', async () => {
    const database = await createEmptyDatabase(path.join(dir, 'pair.db'));
    cleanups.push(database.drop);
    const env = { BATON_DEMO: 'false', BATON_ADMIN_EMAIL: 'ops@example.com', BATON_ADMIN_PASSWORD: 'a-long-password' };
    const [a, b] = await Promise.all([start(database.url, env), start(database.url, env)]);
    expect([a.firstStart, b.firstStart].filter(Boolean)).toHaveLength(1);
    await signIn(a.url, 'ops@example.com', 'a-long-password');
    await signIn(b.url, 'ops@example.com', 'a-long-password');
    await Promise.all([a.close(), b.close()]);
  });
});
