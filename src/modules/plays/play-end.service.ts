/**
 * How runs end and what they achieved: a task completed or reopened, a run whose tasks are all done, a run whose
 * signal resolved or was dismissed, and the outcome judged when a run ends or 30 days after its start.
 */
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { scoreHistory } from '../health/index.ts';
import { getSignal } from '../signals/index.ts';
import { addDays, judgeOutcome, OUTCOME_DAYS, type Outcome } from './play.ts';
import * as store from './play.store.ts';

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Whether a run's signal went (resolved, or dismissed by a person); null when no signal started it. */
async function signalWent(db: Db, workspaceId: string, signalId: string | null, today: string) {
  if (!signalId) return null;
  const s = await getSignal(db, { workspaceId, partnerId: null }, signalId, today).catch(() => null);
  if (!s) return true;
  return s.resolvedAt !== null || s.attention === 'dismissed';
}

/** Judges one run's outcome as of `now` and stores it. */
export async function judgeRun(db: Db, run: store.PlayRunRow, now: Date): Promise<Outcome> {
  const today = dayOf(now);
  const tasks = await store.selectTasksOfRuns(db, run.workspace_id, [run.id]);
  const health = await scoreHistory(
    db,
    run.workspace_id,
    run.account_id,
    `${addDays(run.started_on, -400)}T00:00:00.000Z`,
    `${addDays(run.started_on, OUTCOME_DAYS)}T23:59:59.999Z`,
  ).catch(() => []);
  const outcome = judgeOutcome({
    startedOn: run.started_on,
    signalResolved: await signalWent(db, run.workspace_id, run.signal_id, today),
    tasksDone: tasks.filter((t) => t.done_at !== null).length,
    tasksTotal: tasks.length,
    health,
    judgedOn: today,
  });
  await store.setOutcome(db, run.workspace_id, run.id, JSON.stringify(outcome), outcome.success, now.toISOString());
  return outcome;
}

/** Marks a task done (or not done again); the run ends when its last task is done, and is judged then. */
export async function setPlayTaskDone(
  db: Db,
  actor: Actor,
  workspaceId: string,
  taskId: string,
  done: boolean,
  now: Date,
): Promise<{ runId: string }> {
  const task = await store.findTask(db, workspaceId, taskId);
  if (!task) throw AppError.notFound('play task');
  const run = await store.findRun(db, workspaceId, task.run_id);
  if (!run) throw AppError.notFound('play task');
  if (run.status === 'ended') throw new AppError('conflict', `the run ended: ${run.end_reason ?? 'stopped'}`);
  await store.setTaskDone(db, workspaceId, taskId, done ? now.toISOString() : null, done ? actor.label : null);
  if (!done) {
    await store.reopenRun(db, workspaceId, run.id);
    return { runId: run.id };
  }
  const tasks = await store.selectTasksOfRuns(db, workspaceId, [run.id]);
  if (tasks.every((t) => t.done_at !== null)) {
    const ended = await store.endRun(db, workspaceId, run.id, 'done', 'every task done', now.toISOString());
    if (ended) await judgeRun(db, { ...run, status: 'done' }, now);
  }
  return { runId: run.id };
}

/**
 * The daily upkeep of one workspace's runs: ends the open runs whose signal resolved or was dismissed, then judges
 * the runs that ended or started 30 days ago without an outcome yet.
 */
export async function settleRuns(db: Db, workspaceId: string, now: Date): Promise<{ ended: number; judged: number }> {
  const today = dayOf(now);
  let ended = 0;
  for (const run of await store.selectRunsByStatus(db, workspaceId, 'open')) {
    if (!run.signal_id || !(await signalWent(db, workspaceId, run.signal_id, today))) continue;
    if (await store.endRun(db, workspaceId, run.id, 'ended', 'its signal resolved or was dismissed', now.toISOString()))
      ended++;
  }
  let judged = 0;
  for (const run of await store.selectRunsToJudge(db, workspaceId, addDays(today, -OUTCOME_DAYS))) {
    await judgeRun(db, run, now);
    judged++;
  }
  return { ended, judged };
}
