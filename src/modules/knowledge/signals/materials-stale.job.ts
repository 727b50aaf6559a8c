/**
 * The `knowledge.signals` job: evaluates the stale-onboarding-materials signal of one workspace (payload or job
 * workspace; queued when an article changes), or of every workspace when none is named (daily).
 */
import { type SignalRulesPayload, signalRulesJob } from '../../signals/index.ts';
import { evaluateKnowledgeSignals } from './materials-stale.service.ts';

export const runKnowledgeSignals = signalRulesJob<SignalRulesPayload>('knowledge signals', (db, r) =>
  evaluateKnowledgeSignals(db, r.workspaceId, r.payload.asOf ?? r.now.toISOString().slice(0, 10)),
);
