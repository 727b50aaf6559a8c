/**
 * Raised signal → Slack message, through the real path: the signal raised in its own transaction writes the alert to
 * the outbox and queues `alerts.deliver`; the job runner (the instance's default poll) claims it and sends it with
 * Slack's own client (`@slack/webhook`) to a real HTTP server standing in for Slack's incoming webhook, which notes
 * when each message arrives.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { COMPOSITION } from '../src/app/modules.ts';
import { createSubscription } from '../src/modules/alerts/index.ts';
import { raiseSignal } from '../src/modules/signals/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/principal.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import { JobRunner } from '../src/platform/jobs/runner.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { SECRET_KEY_BYTES, secretBox } from '../src/platform/secrets/secret-box.ts';

const GIVE_UP_MS = 120_000;
const SETTLE_MS = 600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stand-in for Slack's incoming webhook: answers `ok` as Slack does and notes when each text arrived. */
async function slackStandIn() {
  const arrived = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const body = Buffer.concat(chunks).toString('utf8');
      for (const m of body.matchAll(/bench-signal-(\d+)\b/g)) if (!arrived.has(m[1]!)) arrived.set(m[1]!, at);
      res.writeHead(200, { 'content-type': 'text/html' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T0BENCH/B0BENCH/benchtoken`,
    arrived,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SlackLatency {
  pollMs: number;
  sent: number;
  received: number;
  /** Raised → message received, each. */
  ms: number[];
  /** Raised → its transaction committed (the outbox row and the delivery job written), each. */
  commitMs: number[];
}

/** Raises `n` signals, `gapMs` apart, on the given accounts, and measures each until its Slack message arrives. */
export async function slackLatency(
  dbh: DatabaseHandle,
  workspaceId: string,
  accountIds: string[],
  n: number,
  gapMs: number,
): Promise<SlackLatency> {
  const slack = await slackStandIn();
  const config = loadConfig({ NODE_ENV: 'production', BATON_DATA_DIR: '/tmp', BATON_LOG_LEVEL: 'silent' });
  const secrets = secretBox(randomBytes(SECRET_KEY_BYTES));
  await dbh.db.transaction().execute((trx) =>
    createSubscription(
      trx,
      secrets,
      SYSTEM_ACTOR,
      workspaceId,
      {
        channel: 'slack',
        target: slack.url,
        stages: [],
        minSeverity: 'warning',
        mode: 'immediate',
        accounts: 'all',
        playTasks: false,
        enabled: true,
      },
      new Date(),
    ),
  );
  const runner = new JobRunner({
    db: dbh.db,
    caps: dbh.caps,
    registry: COMPOSITION.jobs,
    logger: createLogger('silent'),
    workerId: 'bench',
    pollMs: config.jobsPollMs,
    config,
    secrets,
  });
  runner.start();
  const raisedAt = new Map<string, number>();
  const commitMs: number[] = [];
  try {
    // A runner that starts runs every scheduled job's current slot first (the daily sweeps of 10,000 accounts):
    // the signals are raised once it has caught up, as on an instance that has been serving for a while.
    const settled = performance.now();
    while (performance.now() - settled < SETTLE_MS) {
      const waiting = await dbh.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['queued', 'running'])
        .where('run_at', '<=', new Date().toISOString())
        .executeTakeFirstOrThrow();
      if (Number(waiting.n) === 0) break;
      await sleep(200);
    }
    for (let i = 0; i < n; i++) {
      const accountId = accountIds[i % accountIds.length]!;
      const at = performance.now();
      raisedAt.set(String(i), at);
      await dbh.db.transaction().execute((trx) =>
        raiseSignal(trx, {
          workspaceId,
          kind: 'renewal.sponsor_untouched',
          accountId,
          severity: 'severe',
          subjectType: 'account',
          subjectId: `bench-${i}`,
          title: `Sponsor untouched (bench-signal-${i})`,
          evidence: { thresholdDays: 60 },
        }),
      );
      commitMs.push(performance.now() - at);
      await sleep(gapMs);
    }
    const started = performance.now();
    while (slack.arrived.size < n && performance.now() - started < GIVE_UP_MS) await sleep(20);
  } finally {
    await runner.stop();
    await slack.close();
  }
  const ms = [...slack.arrived].map(([i, at]) => at - (raisedAt.get(i) ?? at));
  return { pollMs: config.jobsPollMs, sent: n, received: slack.arrived.size, ms, commitMs };
}
