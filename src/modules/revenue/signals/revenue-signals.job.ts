/**
 * The `revenue.signals` job: evaluates the contraction and no-expansion signals of one workspace (payload or job
 * workspace), of some of its accounts when named (queued after subscriptions change), or of every workspace when
 * none is named (the daily run), each workspace in its own transaction.
 */
import { type SignalRulesPayload, signalRulesJob } from '../../signals/index.ts';
import { evaluateRevenueSignals } from './revenue-signals.service.ts';

export interface RevenueSignalsPayload extends SignalRulesPayload {
  accountIds?: string[];
}

export const runRevenueSignals = signalRulesJob<RevenueSignalsPayload>('revenue signals', (db, r) =>
  evaluateRevenueSignals(
    db,
    r.workspaceId,
    r.payload.asOf ?? r.now.toISOString().slice(0, 10),
    r.named ? r.payload.accountIds : undefined,
  ),
);
