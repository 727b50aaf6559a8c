/**
 * The demo's plays, after its health history is written. Its team wrote three plays of its own 40 days ago (a
 * kickoff welcome, first value, a new team). The daily triggers are evaluated that day (the renewal reviews and
 * hypercare of that day), half of those runs worked through by their owners in the days after. Each kickoff and first
 * value since starts its play on the day it was recorded; the daily triggers run again twelve days ago (accounts
 * healthy for 60 days since their go-live) and the newer runs' tasks due by today are done, a few of them late or not
 * yet. Then today's evaluation starts today's runs (the new team) and judges the old ones against the health
 * history — the accounts that kept falling show a play that did not work, the others one that did. Runs the signals
 * started today (the second slips, the quiet sponsors as their jobs raise them) get their first task done.
 */
import { projectRecords } from '../modules/delivery/index.ts';
import {
  createPlay,
  evaluateDailyPlays,
  listPlayRuns,
  listPlays,
  type PlayRunView,
  setPlayTaskDone,
  startMatchingPlays,
} from '../modules/plays/index.ts';
import type { Actor } from '../platform/auth/principal.ts';
import { capabilitiesOf, type Db } from '../platform/db/database.ts';
import { DEMO_PLAYS } from './plays.ts';

const DAY_MS = 86_400_000;
/** How long ago the demo's first plays started: past the 30 days after which a run is judged. */
export const PLAYS_STARTED_DAYS_AGO = 40;
/** The daily evaluation between then and today, when the first accounts had been healthy for 60 days. */
export const PLAYS_MIDWAY_DAYS_AGO = 12;

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
/** The triggers of the steps of the journey and of expansion, whose runs the owners work through. */
const NEWER_TRIGGERS = new Set(['kickoff', 'first_value', 'healthy_after_go_live', 'new_team_active']);

/** Starts the plays of each kickoff and first value recorded since `from`, on the day it was recorded. */
async function startJourneyPlays(db: Db, workspaceId: string, from: string, to: string): Promise<void> {
  for (const p of await projectRecords(db, { workspaceId, partnerId: null })) {
    for (const [type, on] of [
      ['kickoff', p.kickoff_on],
      ['first_value', p.first_value_on],
    ] as const) {
      if (!on || on < from || on > to) continue;
      await startMatchingPlays(db, workspaceId, p.account_id, { type, projectId: p.id, on }, on, `${on}T09:00:00.000Z`);
    }
  }
}

/**
 * The owners work through the open runs of the newer triggers: each task due before today done on its due day or a
 * day or two early; every third run leaves its latest task due undone (overdue on My work).
 */
async function workThrough(db: Db, ctx: { workspaceId: string; today: Date; actor: Actor }, runs: PlayRunView[]) {
  const today = dayOf(ctx.today);
  for (const [i, run] of runs.entries()) {
    const due = run.tasks.filter((t) => !t.doneAt && t.due < today);
    for (const [j, t] of due.entries()) {
      if (i % 3 === 2 && j === due.length - 1) break;
      const day = Math.max(Date.parse(`${t.due}T15:00:00Z`) - ((i + j) % 3) * DAY_MS, Date.parse(run.startedOn));
      await setPlayTaskDone(db, ctx.actor, ctx.workspaceId, t.id, true, new Date(Math.min(day, ctx.today.getTime())));
    }
  }
}

export async function writeDemoPlays(
  db: Db,
  ctx: { workspaceId: string; today: Date; actor: Actor },
): Promise<{ runs: number; judged: number }> {
  const caps = capabilitiesOf(db);
  const then = new Date(ctx.today.getTime() - PLAYS_STARTED_DAYS_AGO * DAY_MS);
  for (const def of DEMO_PLAYS) await createPlay(db, ctx.actor, ctx.workspaceId, def, true, then.toISOString());
  await evaluateDailyPlays(db, caps, ctx.workspaceId, then);
  const newer = new Set(
    (await listPlays(db, ctx.workspaceId)).filter((p) => NEWER_TRIGGERS.has(p.trigger.type)).map((p) => p.id),
  );
  const thenDay = dayOf(then);
  const old = (await listPlayRuns(db, ctx.workspaceId, undefined, 1000)).filter(
    (r) => r.status === 'open' && r.startedOn === thenDay,
  );
  for (const [i, run] of old.entries()) {
    if (i % 2 === 1) continue;
    for (const [j, task] of run.tasks.entries()) {
      const doneOn = new Date(then.getTime() + (3 + j * 5) * DAY_MS);
      await setPlayTaskDone(db, ctx.actor, ctx.workspaceId, task.id, true, doneOn);
    }
  }
  await startJourneyPlays(db, ctx.workspaceId, thenDay, dayOf(ctx.today));
  await evaluateDailyPlays(db, caps, ctx.workspaceId, new Date(ctx.today.getTime() - PLAYS_MIDWAY_DAYS_AGO * DAY_MS));
  const open = (await listPlayRuns(db, ctx.workspaceId, undefined, 1000)).filter(
    (r) => r.status === 'open' && newer.has(r.playId),
  );
  await workThrough(db, ctx, open.reverse());
  const today = await evaluateDailyPlays(db, caps, ctx.workspaceId, ctx.today);
  const runs = await listPlayRuns(db, ctx.workspaceId, undefined, 1000);
  for (const run of runs.filter((r) => r.status === 'open' && r.signalId && r.tasks[0] && !r.tasks[0].doneAt))
    await setPlayTaskDone(db, ctx.actor, ctx.workspaceId, run.tasks[0]?.id as string, true, ctx.today);
  return { runs: runs.length, judged: today.judged + old.filter((_, i) => i % 2 === 0).length };
}
