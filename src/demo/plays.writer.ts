/**
 * The demo's plays, after its health history is written: the daily triggers evaluated 40 days ago (the renewal
 * reviews and hypercare of that day), half of those runs worked through by their owners in the days after, then
 * today's evaluation, which starts today's runs and judges the old ones against the health history — the accounts
 * that kept falling show a play that did not work, the others one that did. Runs the signals started today (the
 * second slips, the quiet sponsors as their jobs raise them) get their first task done.
 */
import { evaluateDailyPlays, listPlayRuns, setPlayTaskDone } from '../modules/plays/index.ts';
import type { Actor } from '../platform/auth/principal.ts';
import { capabilitiesOf, type Db } from '../platform/db/database.ts';

const DAY_MS = 86_400_000;
/** How long ago the demo's first plays started: past the 30 days after which a run is judged. */
export const PLAYS_STARTED_DAYS_AGO = 40;

export async function writeDemoPlays(
  db: Db,
  ctx: { workspaceId: string; today: Date; actor: Actor },
): Promise<{ runs: number; judged: number }> {
  const caps = capabilitiesOf(db);
  const then = new Date(ctx.today.getTime() - PLAYS_STARTED_DAYS_AGO * DAY_MS);
  await evaluateDailyPlays(db, caps, ctx.workspaceId, then);
  const thenDay = then.toISOString().slice(0, 10);
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
  const today = await evaluateDailyPlays(db, caps, ctx.workspaceId, ctx.today);
  const runs = await listPlayRuns(db, ctx.workspaceId, undefined, 1000);
  for (const run of runs.filter((r) => r.status === 'open' && r.signalId && r.tasks[0] && !r.tasks[0].doneAt))
    await setPlayTaskDone(db, ctx.actor, ctx.workspaceId, run.tasks[0]?.id as string, true, ctx.today);
  return { runs: runs.length, judged: today.judged + old.filter((_, i) => i % 2 === 0).length };
}
