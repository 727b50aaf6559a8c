import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.ts';
import { defineModule } from '../../platform/modules/baton-module.ts';
import { up as playsUp, down as playsDown } from './migrations/2026-12-06T2100-plays.ts';
import { myWorkRoutes } from './my-work.routes.ts';
import { playRoutes } from './play.routes.ts';
import { ensureBuiltinPlays } from './play.service.ts';
import type { PlayRunTable, PlayTable, PlayTaskTable, PlayVersionTable } from './play.table.ts';
import {
  playsOnDealsConfirmed,
  playsOnFirstValue,
  playsOnGoLive,
  playsOnHandoffAccepted,
  playsOnKickoff,
  playsOnSignal,
  playsOnSurveys,
} from './play-triggers.handler.ts';

export const playsModule = defineModule({
  name: 'plays',
  purpose:
    'What each person does next: plays turn signals and steps of the journey into owned tasks, and My work joins ' +
    'them with the signals on their accounts, their project tasks and the questions on their briefs.',
  tables: ['plays', 'play_versions', 'play_runs', 'play_tasks'],
  routes: async (app, ctx) => {
    myWorkRoutes(app, ctx);
    playRoutes(app, ctx);
  },
  jobs: [
    defineJob({
      type: 'plays.daily',
      version: 1,
      description:
        'Starts the plays of the daily triggers (renewal ahead, go-live, seats in use, healthy since go-live, a ' +
        'feature outside the plan), ends runs whose signal went ' +
        'and judges runs that ended or are 30 days old (every workspace unless one is named)',
      input: z.object({ workspaceId: z.string().optional(), asOf: z.iso.date().optional() }),
      maxAttempts: 3,
      everyMs: 24 * 3_600_000,
      load: async () => (await import('./play-triggers.job.ts')).runDailyPlays,
    }),
  ],
  subscriptions: {
    'signals.raised': playsOnSignal,
    'deals.confirmed': playsOnDealsConfirmed,
    'handoffs.accepted': playsOnHandoffAccepted,
    'delivery.project-kicked-off': playsOnKickoff,
    'delivery.project-went-live': playsOnGoLive,
    'delivery.first-value-reached': playsOnFirstValue,
    'relationship.survey-recorded': playsOnSurveys,
  },
  onWorkspaceCreated: (db, _actor, workspaceId) => ensureBuiltinPlays(db, workspaceId),
  migrations: { '2026-12-06T2100-plays': { up: playsUp, down: playsDown } },
  nav: { path: '/my-work', label: 'My work' },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    plays: PlayTable;
    play_versions: PlayVersionTable;
    play_runs: PlayRunTable;
    play_tasks: PlayTaskTable;
  }
}

declare module '../../platform/jobs/job-types.ts' {
  interface JobInputs {
    'plays.daily': { workspaceId?: string; asOf?: string };
  }
}
