import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.ts';
import { defineModule } from '../../platform/modules/baton-module.ts';
import { down as actionsDown, up as actionsUp } from './migrations/2026-12-06T1800-signal-actions.ts';
import { down as runsDown, up as runsUp } from './migrations/2026-12-06T2100-signal-rule-runs.ts';
import { signalRuleSettingsRoutes } from './signal-rule-settings.routes.ts';
import { signalActionRoutes } from './signal-action.routes.ts';
import { signalTitlesOf } from './signal-action.service.ts';
import { SIGNAL_KINDS } from './signal.ts';
import { signalRoutes } from './signal.routes.ts';
import type { SignalActionTable, SignalRuleRunTable, SignalTable } from './signal.table.ts';

export const signalsModule = defineModule({
  name: 'signals',
  purpose:
    'Early warnings along the failure chain, each with its evidence and what people did about it; ' +
    'an account’s chain stage.',
  tables: ['signals', 'signal_actions', 'signal_rule_runs'],
  routes: (app, ctx) => {
    signalRoutes(app, ctx);
    signalActionRoutes(app, ctx);
    signalRuleSettingsRoutes(app, ctx);
  },
  jobs: [
    defineJob({
      type: 'signals.rules-rerun',
      version: 1,
      description:
        'Runs one setting’s signal rules again for a workspace after a change, counting what opened and closed',
      input: z.object({ runId: z.string() }),
      maxAttempts: 3,
      load: async () => (await import('./signal-rule-rerun.job.ts')).rerunSignalRules,
    }),
  ],
  signalKinds: Object.keys(SIGNAL_KINDS),
  auditNames: { signal: signalTitlesOf },
  migrations: {
    '2026-12-06T1800-signal-actions': { up: actionsUp, down: actionsDown },
    '2026-12-06T2100-signal-rule-runs': { up: runsUp, down: runsDown },
  },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    signals: SignalTable;
    signal_actions: SignalActionTable;
    signal_rule_runs: SignalRuleRunTable;
  }
}

declare module '../../platform/jobs/job-types.ts' {
  interface JobInputs {
    'signals.rules-rerun': { runId: string };
  }
}
