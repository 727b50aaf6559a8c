/**
 * Health freshness: how long after a change the account's new health score is stored, with the job runner running
 * as a serving instance runs it. A SQLite workspace of 1,000 scored accounts receives survey answers through the
 * HTTP API (in-process `inject`) at a steady 10 a second, each on an account that had none, and a watcher reads the
 * account's current score every 10 ms until a row newer than the answer appears. Prints p50/p95/max of that
 * freshness beside the baseline in the same run: the answer's own request (validated, stored, committed, events
 * queued), and the ratio.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMPOSITION } from '../src/app/modules.ts';
import { createAccountsInBulk } from '../src/modules/accounts/index.ts';
import { scoreAccounts } from '../src/modules/health/index.ts';
import type { AppContext } from '../src/platform/app-context.ts';
import { createApiKey } from '../src/platform/auth/api-key.service.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/principal.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { buildServer } from '../src/platform/http/server.ts';
import { createWorkspace } from '../src/platform/identity/workspace.service.ts';
import { JobRunner } from '../src/platform/jobs/runner.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { SECRET_KEY_BYTES, secretBox } from '../src/platform/secrets/secret-box.ts';
import { fmt } from './lib.ts';
import { accountIdsOf, subscribeEach } from './workspace-lib.ts';

const ACCOUNTS = 1_000;
const CHANGES = 200;
const EVERY_MS = 100;
const POLL_MS = 50;
const WATCH_MS = 10;
const GIVE_UP_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-freshness-'));
  const dbh = await openDatabase(`sqlite:${path.join(dir, 'baton.db')}`);
  const config = loadConfig({ NODE_ENV: 'production', BATON_DATA_DIR: dir, BATON_LOG_LEVEL: 'silent' });
  const ctx: AppContext = {
    config,
    dbh,
    db: dbh.db,
    caps: dbh.caps,
    logger: createLogger('silent'),
    jobs: COMPOSITION.jobs,
    secrets: secretBox(randomBytes(SECRET_KEY_BYTES)),
    now: () => new Date(),
  };
  const runner = new JobRunner({
    db: dbh.db,
    caps: dbh.caps,
    registry: COMPOSITION.jobs,
    logger: ctx.logger,
    workerId: 'bench',
    pollMs: POLL_MS,
    config,
    secrets: ctx.secrets,
  });
  try {
    await migrateToLatest(dbh);
    const ws = await dbh.db.transaction().execute(async (trx) => {
      const w = await createWorkspace(trx, SYSTEM_ACTOR, { slug: 'bench' });
      await createAccountsInBulk(
        trx,
        SYSTEM_ACTOR,
        w.id,
        Array.from({ length: ACCOUNTS }, (_, i) => ({
          name: `Account ${i}`,
          domain: `account-${i}.example`,
          segment: 'mid_market' as const,
          contacts: [
            { name: `Sponsor ${i}`, role: 'executive_sponsor' as const, lastTouchAt: new Date().toISOString() },
          ],
        })),
        'bench',
      );
      return w.id;
    });
    const ids = await accountIdsOf(dbh, ws);
    await subscribeEach(dbh, ws, ids);
    await dbh.db.transaction().execute((trx) => scoreAccounts(trx, ws, new Date()));
    const key = (await createApiKey(dbh.db, SYSTEM_ACTOR, ws, { name: 'bench', scope: 'admin' })).secret;
    const server = await buildServer(ctx);
    runner.start();

    const requestMs: number[] = [];
    const freshMs: number[] = [];
    let missed = 0;
    const watches: Promise<void>[] = [];
    const watch = async (accountId: string, since: string, committedAt: number) => {
      while (performance.now() - committedAt < GIVE_UP_MS) {
        const row = await dbh.db
          .selectFrom('health_scores')
          .select('scored_at')
          .where('workspace_id', '=', ws)
          .where('account_id', '=', accountId)
          .where('is_current', '=', 1)
          .where('scored_at', '>=', since)
          .executeTakeFirst();
        if (row) {
          freshMs.push(performance.now() - committedAt);
          return;
        }
        await sleep(WATCH_MS);
      }
      missed++;
    };
    const started = performance.now();
    for (let i = 0; i < CHANGES; i++) {
      const due = started + i * EVERY_MS;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const accountId = ids[i] as string;
      const since = new Date().toISOString();
      const t0 = performance.now();
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/relationship/surveys',
        headers: { authorization: `Bearer ${key}` },
        payload: { accountId, kind: 'nps', score: i % 2 === 0 ? 0 : 10, respondedAt: since },
      });
      const committed = performance.now();
      if (res.statusCode !== 201) throw new Error(`survey refused: ${res.statusCode} ${res.body}`);
      requestMs.push(committed - t0);
      watches.push(watch(accountId, since, committed));
    }
    await Promise.all(watches);
    await runner.stop();
    await server.app.close();

    console.log(
      `${CHANGES} survey answers, one every ${EVERY_MS} ms, ${ACCOUNTS} accounts, SQLite, job poll ${POLL_MS} ms`,
    );
    console.log('                                   p50 ms    p95 ms    max ms');
    const line = (label: string, xs: number[]) =>
      console.log(
        `${label.padEnd(32)} ${fmt(pct(xs, 0.5), 1).padStart(8)} ${fmt(pct(xs, 0.95), 1).padStart(9)} ` +
          `${fmt(Math.max(...xs), 1).padStart(9)}`,
      );
    line('baseline: the answer’s request', requestMs);
    line('answer stored → new score stored', freshMs);
    console.log(
      `freshness p50 is ${fmt(pct(freshMs, 0.5) / pct(requestMs, 0.5), 1)}× the request itself; ` +
        `${freshMs.length} of ${CHANGES} rescored within ${GIVE_UP_MS / 1000} s${missed ? `, ${missed} not` : ''}`,
    );
  } finally {
    await runner.stop().catch(() => undefined);
    await dbh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
