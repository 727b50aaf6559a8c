/**
 * Health freshness: how long after a change the account's new health score is stored, with the job runner running
 * as a serving instance runs it. A SQLite workspace of 1,000 scored accounts receives, through the HTTP API
 * (in-process `inject`) at a steady 10 a second, each on an account of its own: survey answers (an account that
 * had none), Segment usage batches (an account with seats and no usage yet) and slips recorded by hand (a planned
 * project past its promise). A watcher reads the account's current score every 10 ms until a row newer than the
 * change appears. Prints p50/p95/max of that freshness for each kind beside the baseline in the same run: the
 * change's own request (validated, stored, committed, events queued), and the ratio.
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
const BATCHES = 100;
const EVENTS_PER_BATCH = 20;
const USERS_PER_BATCH = 5;
const SLIPS = 50;
const EVERY_MS = 100;
const POLL_MS = 50;
const WATCH_MS = 10;
const GIVE_UP_MS = 15_000;

interface Phase {
  count: number;
  requestMs: number[];
  freshMs: number[];
  missed: number;
}

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
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

    // Slips need projects: one for each of the first SLIPS accounts after the surveys', promised a year ahead.
    const slipAccounts = ids.slice(CHANGES, CHANGES + SLIPS);
    const projectIds: string[] = [];
    for (const accountId of slipAccounts) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/projects',
        headers: { authorization: `Bearer ${key}` },
        payload: { accountId, promisedGoLive: day(365) },
      });
      if (res.statusCode !== 201) throw new Error(`project refused: ${res.statusCode} ${res.body}`);
      projectIds.push(res.json().id as string);
    }
    // Usage batches go to accounts with licensed seats and no usage yet.
    const usageAccounts = ids.slice(CHANGES + SLIPS, CHANGES + SLIPS + BATCHES);
    for (const accountId of usageAccounts) {
      const res = await server.app.inject({
        method: 'PUT',
        url: `/api/v1/usage/accounts/${accountId}/seats`,
        headers: { authorization: `Bearer ${key}` },
        payload: { seats: 20 },
      });
      if (res.statusCode !== 200) throw new Error(`seats refused: ${res.statusCode} ${res.body}`);
    }
    await dbh.db.transaction().execute((trx) => scoreAccounts(trx, ws, new Date()));
    runner.start();

    /** Watches an account until a current score newer than `since` is stored. */
    const watch = async (accountId: string, since: string, committedAt: number, out: Phase) => {
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
          out.freshMs.push(performance.now() - committedAt);
          return;
        }
        await sleep(WATCH_MS);
      }
      out.missed++;
    };
    /** Sends `count` changes, one every EVERY_MS, each on its own account, and watches each until rescored. */
    const phase = async (count: number, send: (i: number, since: string) => Promise<string>): Promise<Phase> => {
      const out: Phase = { count, requestMs: [], freshMs: [], missed: 0 };
      const watches: Promise<void>[] = [];
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        const wait = started + i * EVERY_MS - performance.now();
        if (wait > 0) await sleep(wait);
        const since = new Date().toISOString();
        const t0 = performance.now();
        const accountId = await send(i, since);
        const committed = performance.now();
        out.requestMs.push(committed - t0);
        watches.push(watch(accountId, since, committed, out));
      }
      await Promise.all(watches);
      return out;
    };
    const inject = async (url: string, payload: Record<string, unknown>, auth: string, expected: number) => {
      const res = await server.app.inject({ method: 'POST', url, headers: { authorization: auth }, payload });
      if (res.statusCode !== expected) throw new Error(`${url} refused: ${res.statusCode} ${res.body}`);
    };
    const bearer = `Bearer ${key}`;

    const surveys = await phase(CHANGES, async (i, since) => {
      const accountId = ids[i] as string;
      const payload = { accountId, kind: 'nps', score: i % 2 === 0 ? 0 : 10, respondedAt: since };
      await inject('/api/v1/relationship/surveys', payload, bearer, 201);
      return accountId;
    });
    // A usage batch of USERS_PER_BATCH people of an account that had no usage: its adoption appears.
    const basic = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
    const batches = await phase(BATCHES, async (i, since) => {
      const accountId = usageAccounts[i] as string;
      const batch = Array.from({ length: EVENTS_PER_BATCH }, (_, k) => ({
        type: 'track',
        messageId: `bench-${i}-${k}`,
        userId: `user-${i}-${k % USERS_PER_BATCH}`,
        event: 'Report Published',
        timestamp: since,
        context: { groupId: accountId },
      }));
      await inject('/v1/batch', { batch }, basic, 200);
      return accountId;
    });
    // A slip recorded by hand, 60 days past the promise: the delivery dimension drops.
    const slips = await phase(SLIPS, async (i) => {
      const payload = { expectedOn: day(425), reason: { code: 'customer_delay', note: null } };
      await inject(`/api/v1/projects/${projectIds[i]}/slips`, payload, bearer, 201);
      return slipAccounts[i] as string;
    });
    await runner.stop();
    await server.app.close();

    console.log(
      `changes one every ${EVERY_MS} ms, each on its own account of ${ACCOUNTS}, SQLite, job poll ${POLL_MS} ms: ` +
        `${CHANGES} survey answers, ${BATCHES} usage batches of ${EVENTS_PER_BATCH} events ` +
        `(${USERS_PER_BATCH} people), ${SLIPS} slips recorded by hand (${SLIPS} planned projects)`,
    );
    console.log(`${' '.repeat(43)}p50 ms    p95 ms    max ms`);
    const line = (label: string, xs: number[]) =>
      console.log(
        `${label.padEnd(40)} ${fmt(pct(xs, 0.5), 1).padStart(8)} ${fmt(pct(xs, 0.95), 1).padStart(9)} ` +
          `${fmt(Math.max(...xs), 1).padStart(9)}`,
      );
    for (const [what, p] of [
      ['answer', surveys],
      ['usage batch', batches],
      ['slip', slips],
    ] as const) {
      line(`baseline: the ${what}’s request`, p.requestMs);
      line(`${what} stored → new score stored`, p.freshMs);
      console.log(
        `  freshness p50 is ${fmt(pct(p.freshMs, 0.5) / pct(p.requestMs, 0.5), 1)}× the request itself; ` +
          `${p.freshMs.length} of ${p.count} rescored within ${GIVE_UP_MS / 1000} s` +
          `${p.missed ? `, ${p.missed} not` : ''}`,
      );
    }
  } finally {
    await runner.stop().catch(() => undefined);
    await dbh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
