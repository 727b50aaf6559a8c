/** Reading runs: a play's runs, one run with its tasks, the outcome when judged. */
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { accountNamesOf } from '../accounts/index.ts';
import type { Outcome, RunStatus } from './play.ts';
import type { PlayRunView, PlayTaskView } from './play-run-view.ts';
import * as store from './play.store.ts';

const toTask = (t: store.PlayTaskRow): PlayTaskView => ({
  id: t.id,
  position: Number(t.position),
  title: t.title,
  instructions: t.instructions,
  emailTemplate: t.email_template,
  role: t.role,
  assigneeUserId: t.assignee_user_id,
  assignmentNote: t.assignment_note,
  due: t.due_on,
  doneAt: t.done_at,
  doneBy: t.done_by_label,
});

async function views(db: Db, workspaceId: string, runs: store.PlayRunRow[]): Promise<PlayRunView[]> {
  const names = await accountNamesOf(db, workspaceId, [...new Set(runs.map((r) => r.account_id))]);
  const tasks = await store.selectTasksOfRuns(
    db,
    workspaceId,
    runs.map((r) => r.id),
  );
  const plays = new Map((await store.selectPlays(db, workspaceId)).map((p) => [p.id, p.name]));
  return runs.map((r) => ({
    id: r.id,
    playId: r.play_id,
    playName: plays.get(r.play_id) ?? '',
    playVersion: Number(r.play_version),
    account: { id: r.account_id, name: names.get(r.account_id) ?? '' },
    trigger: r.trigger_text,
    signalId: r.signal_id,
    startedOn: r.started_on,
    status: r.status as RunStatus,
    endedAt: r.ended_at,
    endReason: r.end_reason,
    outcome: r.outcome ? (JSON.parse(r.outcome) as Outcome) : null,
    tasks: tasks.filter((t) => t.run_id === r.id).map(toTask),
  }));
}

/** A play's runs, newest first. */
export async function listRuns(db: Db, workspaceId: string, playId: string, limit: number): Promise<PlayRunView[]> {
  if (!(await store.findPlay(db, workspaceId, playId))) throw AppError.notFound('play');
  return views(db, workspaceId, await store.selectRunsOfPlay(db, workspaceId, playId, limit));
}

/** Runs of one play or of every play, newest first. */
export async function listPlayRuns(
  db: Db,
  workspaceId: string,
  playId: string | undefined,
  limit: number,
): Promise<PlayRunView[]> {
  if (playId) return listRuns(db, workspaceId, playId, limit);
  return views(db, workspaceId, await store.selectRuns(db, workspaceId, limit));
}

export async function getRun(db: Db, workspaceId: string, id: string): Promise<PlayRunView> {
  const run = await store.findRun(db, workspaceId, id);
  if (!run) throw AppError.notFound('play run');
  return (await views(db, workspaceId, [run]))[0] as PlayRunView;
}
