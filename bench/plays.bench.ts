/**
 * Plays at a workspace's scale, on SQLite: the daily evaluation of every daily trigger (renewals ahead, go-lives,
 * seats) and the runs' upkeep for 10,000 generated accounts, each with a subscription renewing within the year
 * (about a third within the renewal review's 120 days, so that many runs start), against the same accounts' plain
 * select as baseline; then the time from a raised signal to its play's tasks existing (raise → run → tasks, in one
 * transaction), p50 and p95, against raising the same signals with the matching play disabled; and the time from a
 * raised signal to its Slack message received, with the job runner running (bench/slack-latency.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAccountsInBulk } from '../src/modules/accounts/index.ts';
import { evaluateDailyPlays, listPlays } from '../src/modules/plays/index.ts';
import { raiseSignal } from '../src/modules/signals/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/principal.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { createWorkspace } from '../src/platform/identity/workspace.service.ts';
import { fmt } from './lib.ts';
import { slackLatency } from './slack-latency.ts';
import { accountIdsOf, subscribeEach } from './workspace-lib.ts';

const NOW = new Date('2026-12-01T06:00:00.000Z');
const DAY_MS = 86_400_000;
const SIGNALS = 300;
/** Signals raised one after another for the Slack latency, and the pause between two. */
const SLACK_SIGNALS = 60;
const SLACK_GAP_MS = 250;

const day = (offset: number) => new Date(NOW.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;

async function workspaceOf(n: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-plays-'));
  const dbh = await openDatabase(`sqlite:${path.join(dir, 'baton.db')}`);
  await migrateToLatest(dbh);
  const ws = await dbh.db.transaction().execute(async (trx) => {
    const w = await createWorkspace(trx, SYSTEM_ACTOR, { slug: 'bench' });
    await createAccountsInBulk(
      trx,
      SYSTEM_ACTOR,
      w.id,
      Array.from({ length: n }, (_, i) => ({ name: `Account ${i}`, domain: `account-${i}.example`, segment: 'smb' })),
      'bench',
    );
    return w.id;
  });
  const ids = await accountIdsOf(dbh, ws);
  await subscribeEach(dbh, ws, ids, (i) => ({ renewsOn: day(1 + (i % 364)) }));
  const close = async () => {
    await dbh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { dbh, ws, ids, close };
}

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const out = await f();
  return [performance.now() - started, out];
}

export async function run(): Promise<void> {
  const n = 10_000;
  const { dbh, ws, ids, close } = await workspaceOf(n);
  try {
    const [selectMs] = await timed(() =>
      dbh.db.selectFrom('accounts').selectAll().where('workspace_id', '=', ws).execute(),
    );
    const [firstMs, first] = await timed(() =>
      dbh.db.transaction().execute((trx) => evaluateDailyPlays(trx, dbh.caps, ws, NOW)),
    );
    const [againMs, again] = await timed(() =>
      dbh.db.transaction().execute((trx) => evaluateDailyPlays(trx, dbh.caps, ws, NOW)),
    );
    console.log(`daily triggers for ${fmt(n)} accounts`);
    console.log(`  plain select of the accounts (baseline)   ${fmt(selectMs, 0).padStart(7)} ms`);
    console.log(
      `  first evaluation (${fmt(first.started)} runs started)   ${fmt(firstMs, 0).padStart(7)} ms  ` +
        `${fmt(firstMs / selectMs, 1)}× the baseline`,
    );
    console.log(
      `  next evaluation (${fmt(again.started)} started, ${fmt(again.judged)} judged)  ` +
        `${fmt(againMs, 0).padStart(7)} ms  ` +
        `${fmt(againMs / selectMs, 1)}× the baseline`,
    );

    const raise = async (accountId: string) =>
      timed(() =>
        dbh.db.transaction().execute((trx) =>
          raiseSignal(trx, {
            workspaceId: ws,
            kind: 'renewal.sponsor_untouched',
            accountId,
            severity: 'warning',
            subjectType: 'account',
            subjectId: accountId,
            title: 'Sponsor untouched',
            evidence: { thresholdDays: 60 },
          }),
        ),
      );
    const sponsor = (await listPlays(dbh.db, ws)).find((p) => p.builtinKey === 'sponsor-reengagement');
    const withPlay: number[] = [];
    for (const id of ids.slice(0, SIGNALS)) withPlay.push((await raise(id))[0]);
    const runs = await dbh.db
      .selectFrom('play_runs')
      .select('id')
      .where('play_id', '=', sponsor?.id ?? '')
      .execute();
    await dbh.db
      .updateTable('plays')
      .set({ enabled: 0 })
      .where('id', '=', sponsor?.id ?? '')
      .execute();
    const without: number[] = [];
    for (const id of ids.slice(SIGNALS, 2 * SIGNALS)) without.push((await raise(id))[0]);
    console.log(`raised signal → play run with its tasks, ${SIGNALS} signals (${runs.length} runs started)`);
    console.log('                         p50 ms   p95 ms');
    console.log(
      `  play disabled (base) ${fmt(pct(without, 0.5), 2).padStart(8)} ${fmt(pct(without, 0.95), 2).padStart(8)}`,
    );
    console.log(
      `  play enabled         ${fmt(pct(withPlay, 0.5), 2).padStart(8)} ${fmt(pct(withPlay, 0.95), 2).padStart(8)}`,
    );
    console.log(
      `  ratio p50 ${fmt(pct(withPlay, 0.5) / pct(without, 0.5), 2)}×, ` +
        `the play adds ${fmt(pct(withPlay, 0.5) - pct(without, 0.5), 2)} ms at p50`,
    );

    const slack = await slackLatency(dbh, ws, ids.slice(2 * SIGNALS), SLACK_SIGNALS, SLACK_GAP_MS);
    console.log(
      `raised signal → Slack message received, ${slack.sent} signals ${SLACK_GAP_MS} ms apart, job runner polling ` +
        `every ${fmt(slack.pollMs)} ms (${slack.received} received)`,
    );
    console.log('                         p50 ms   p95 ms      max');
    const row = (label: string, xs: number[]) =>
      `  ${label.padEnd(20)} ${fmt(pct(xs, 0.5), 0).padStart(8)} ${fmt(pct(xs, 0.95), 0).padStart(8)} ` +
      `${fmt(Math.max(...xs), 0).padStart(8)}`;
    console.log(row('raise committed', slack.commitMs));
    console.log(`${row('message received', slack.ms)}   goal: p95 under 5,000 ms`);
  } finally {
    await close();
  }
}
