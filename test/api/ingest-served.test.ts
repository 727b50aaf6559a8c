import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Analytics } from '@segment/analytics-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBaton, startBaton } from '../../src/app/start.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { createEmptyDatabase, TEST_POSTGRES_URL } from '../helpers/test-db.ts';

// A server started as `baton serve` starts it: on a SQLite file, usage ingest is stored on a thread of its own.
let dir: string;
let baton: RunningBaton;
let drop: () => Promise<void>;
let cookie: string;
let csrf: string;
let account: string;
let key: string;

const api = async (method: string, url: string, body?: unknown) => {
  const res = await fetch(`${baton.url}${url}`, {
    method,
    headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-served-ingest-'));
  const database = await createEmptyDatabase(path.join(dir, 'baton.db'));
  drop = database.drop;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    BATON_DATA_DIR: dir,
    DATABASE_URL: database.url,
    BATON_JOBS: 'false',
    BATON_DEMO: 'false',
    BATON_ADMIN_EMAIL: 'ops@example.com',
    BATON_ADMIN_PASSWORD: 'a-long-password',
  });
  baton = await startBaton(config, { logger: createLogger('silent') });
  const login = await fetch(`${baton.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ops@example.com', password: 'a-long-password' }),
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  csrf = ((await (await fetch(`${baton.url}/api/v1/session`, { headers: { cookie } })).json()) as { csrfToken: string })
    .csrfToken;
  account = (await api('POST', '/api/v1/accounts', { name: 'Northwind', domain: 'northwind.example', segment: 'smb' }))
    .body.id;
  key = (await api('POST', '/api/v1/api-keys', { name: 'product', scope: 'ingest' })).body.secret;
});
afterAll(async () => {
  await baton?.close();
  await drop?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ingest on a served database', () => {
  it('stores what the official client sends exactly once while the API keeps writing, and says where it stores', async () => {
    // The thread starts beside the server; until it is ready, ingest is stored on the request thread.
    const expected = !TEST_POSTGRES_URL;
    let status = (await api('GET', '/api/v1/usage/ingest-status')).body;
    for (const since = Date.now(); status.writeThread !== expected && Date.now() - since < 20_000;) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await api('GET', '/api/v1/usage/ingest-status')).body;
    }
    expect(status.writeThread).toBe(expected);

    const send = async (from: number, to: number) => {
      const analytics = new Analytics({
        writeKey: key,
        host: baton.url,
        flushAt: 100,
        flushInterval: 60_000,
        maxRetries: 3,
      });
      const errors: unknown[] = [];
      analytics.on('error', (e) => errors.push(e));
      for (let i = from; i < to; i++) {
        analytics.track({
          userId: `user-${i % 9}`,
          event: i % 2 ? 'Report Published' : 'Export Run',
          messageId: `served-${i}`,
          timestamp: new Date('2026-11-20T10:00:00Z'),
          context: { groupId: 'northwind.example' },
        });
      }
      await analytics.closeAndFlush({ timeout: 30_000 });
      return errors;
    };
    // Two clients at once, the second re-sending half of what the first sends; the API writes meanwhile.
    const edits = (async () => {
      for (let k = 0; k < 20; k++)
        expect((await api('PATCH', `/api/v1/accounts/${account}`, { name: `Northwind ${k}` })).status).toBe(200);
    })();
    const [first, second] = await Promise.all([send(0, 2000), send(1000, 3000), edits]);
    expect([first, second]).toEqual([[], []]);

    const totals = (await api('GET', '/api/v1/usage/ingest-status')).body.total.segment;
    expect(totals).toMatchObject({ received: 4000, stored: 3000, duplicates: 1000, rejected: 0, unmatched: 0 });
    const adoption = await api('GET', `/api/v1/usage/accounts/${account}/adoption?day=2026-11-20`);
    expect(adoption.status).toBe(200);
    expect(adoption.body.mau).toBe(9);
    expect((await api('GET', `/api/v1/accounts/${account}`)).body.name).toBe('Northwind 19');
  }, 60_000);
});
