import { defineModule } from '../../platform/modules/baton-module.ts';
import { SIGNAL_KINDS } from './signal.ts';
import { signalRoutes } from './signal.routes.ts';
import type { SignalTable } from './signal.table.ts';

export const signalsModule = defineModule({
  name: 'signals',
  purpose: 'Early warnings along the failure chain, each with its evidence; an account’s chain stage.',
  tables: ['signals'],
  routes: signalRoutes,
  signalKinds: Object.keys(SIGNAL_KINDS),
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    signals: SignalTable;
  }
}
