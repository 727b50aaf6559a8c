/**
 * The `support.signals` job: evaluates the support-overload signals of one workspace (payload or job workspace), of
 * some of its accounts when named (queued after tickets change), or of every workspace when none is named (daily).
 */
import { type SignalRulesPayload, signalRulesJob } from '../../signals/index.ts';
import { evaluateSupportSignals } from './support-signals.service.ts';

export interface SupportSignalsPayload extends SignalRulesPayload {
  accountIds?: string[];
}

export const runSupportSignals = signalRulesJob<SupportSignalsPayload>('support signals', (db, r) =>
  evaluateSupportSignals(
    db,
    r.workspaceId,
    r.payload.asOf ?? r.now.toISOString().slice(0, 10),
    r.named ? r.payload.accountIds : undefined,
  ),
);
