/**
 * Start-up and the cost of a request: how long `baton serve` takes to be ready (first start, which
 * migrates and builds the demo workspace, then a warm restart), its idle memory, and requests per second
 * of an authenticated API read (API key → database → JSON) against /healthz, in the same run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BATON_BIN, fmt, load, rssMiB, startServer, stopServer } from './lib.ts';

export async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-'));
  const env = {
    BATON_DATA_DIR: dataDir,
    BATON_ADMIN_EMAIL: 'bench@example.com',
    BATON_ADMIN_PASSWORD: 'bench-password-1',
  };
  try {
    const first = await startServer(env);
    await stopServer(first.child);
    const warm = await startServer(env);
    await new Promise((r) => setTimeout(r, 2000));
    const idle = rssMiB(warm.child.pid as number);
    const key = execFileSync(
      process.execPath,
      [BATON_BIN, 'apikey', 'create', '--workspace', 'demo', '--scope', 'admin', '--name', 'bench'],
      {
        env: { ...process.env, ...env, BATON_LOG_LEVEL: 'warn' },
      },
    )
      .toString()
      .trim();

    const health = await load(`${warm.url}/healthz`);
    const api = await load(`${warm.url}/api/v1/accounts?limit=20`, { headers: { authorization: `Bearer ${key}` } });
    const loaded = rssMiB(warm.child.pid as number);
    await stopServer(warm.child);

    console.log(`first start (migrate + demo workspace): ${fmt(first.ms)} ms`);
    console.log(`warm start:                             ${fmt(warm.ms)} ms`);
    console.log(`idle memory (RSS):                      ${fmt(idle, 1)} MiB  (after load: ${fmt(loaded, 1)} MiB)`);
    console.log(
      `GET /healthz                            ${fmt(health.requestsPerSecond)} req/s  p99 ${health.p99Ms} ms  errors ${health.errors + health.non2xx}`,
    );
    console.log(
      `GET /api/v1/accounts?limit=20 (API key) ${fmt(api.requestsPerSecond)} req/s  p99 ${api.p99Ms} ms  errors ${api.errors + api.non2xx}`,
    );
    console.log(`ratio authenticated read / healthz:     ${fmt(api.requestsPerSecond / health.requestsPerSecond, 3)}`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
