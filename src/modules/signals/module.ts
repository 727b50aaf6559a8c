import { defineModule } from '../../platform/modules/baton-module.ts';
import { down as actionsDown, up as actionsUp } from './migrations/2026-12-06T1800-signal-actions.ts';
import { signalActionRoutes } from './signal-action.routes.ts';
import { signalTitlesOf } from './signal-action.service.ts';
import { SIGNAL_KINDS } from './signal.ts';
import { signalRoutes } from './signal.routes.ts';
import type { SignalActionTable, SignalTable } from './signal.table.ts';

export const signalsModule = defineModule({
  name: 'signals',
  purpose:
    'Early warnings along the failure chain, each with its evidence and what people did about it; ' +
    'an account’s chain stage.',
  tables: ['signals', 'signal_actions'],
  routes: (app, ctx) => {
    signalRoutes(app, ctx);
    signalActionRoutes(app, ctx);
  },
  signalKinds: Object.keys(SIGNAL_KINDS),
  auditNames: { signal: signalTitlesOf },
  migrations: { '2026-12-06T1800-signal-actions': { up: actionsUp, down: actionsDown } },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    signals: SignalTable;
    signal_actions: SignalActionTable;
  }
}
