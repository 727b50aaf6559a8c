/**
 * The `health.renewal-signals` job: evaluates the at-risk renewal signal of one workspace (payload or job
 * workspace), or of every workspace when none is named (the daily run), each in its own transaction. Also queued
 * after a scoring and after subscriptions change.
 */
import { type SignalRulesPayload, signalRulesJob } from '../../signals/index.ts';
import { evaluateRenewalSignals } from './renewal-signals.service.ts';

export type RenewalSignalsPayload = SignalRulesPayload;

export const runRenewalSignals = signalRulesJob<RenewalSignalsPayload>('renewal signals', (db, r) =>
  evaluateRenewalSignals(db, r.caps, r.workspaceId, r.payload.asOf ?? r.now.toISOString().slice(0, 10)),
);
