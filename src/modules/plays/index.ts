/** The plays module's public face: what later modules, the demo and the command line use of it, nothing else. */
export { readMyWork } from './my-work.service.ts';
export { type MyWork, type WorkItem, type WorkKind, WORK_KINDS } from './my-work.ts';
export { createPlay, listPlays, type PlaySummary } from './play.service.ts';
export { getRun, listPlayRuns } from './play-run-view.service.ts';
export type { PlayRunView } from './play-run-view.ts';
export { startMatchingPlays, startPlayByHand } from './play-run.service.ts';
export { setPlayTaskDone, settleRuns } from './play-end.service.ts';
export { evaluateDailyPlays } from './play-triggers.job.ts';
export { type Occurrence, type PlayDefinition } from './play.ts';
export { playTasksDue, type PlayTaskDue } from './play-tasks-due.service.ts';
