/**
 * The `usage.signals` job: evaluates the usage signals of one workspace (payload or job workspace), or of
 * every workspace when neither names one (the daily scheduled run), each in its own transaction.
 */
import { type SignalRulesPayload, signalRulesJob } from '../../signals/index.ts';
import { evaluateUsageSignals } from './usage-signals.service.ts';

export type UsageSignalsPayload = SignalRulesPayload;

export const runUsageSignals = signalRulesJob<UsageSignalsPayload>('usage signals', (db, r) =>
  evaluateUsageSignals(db, r.caps, r.workspaceId, r.payload.asOf ?? r.now.toISOString().slice(0, 10)),
);
