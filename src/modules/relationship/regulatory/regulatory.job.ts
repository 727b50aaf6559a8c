/** The daily `relationship.regulatory-signals` job: reviews that came due (or were given) in every workspace. */
import { type SignalRulesPayload, signalRulesJob } from '../../signals/index.ts';
import { evaluateRegulatorySignals } from './regulatory.service.ts';

export const runRegulatorySignals = signalRulesJob<SignalRulesPayload>('regulatory signals', (db, r) =>
  evaluateRegulatorySignals(db, r.caps, r.workspaceId, r.payload.asOf ?? r.now.toISOString().slice(0, 10)),
);
