/**
 * The `relationship.signals` job: evaluates the relationship signals of one workspace (payload or job workspace),
 * of some of its accounts when the payload names them (queued after touches or answers are recorded), or of every
 * workspace when none is named (the daily run), each workspace in its own transaction.
 */
import { type SignalRulesPayload, signalRulesJob } from '../../signals/index.ts';
import { evaluateRelationshipSignals } from './relationship-signals.service.ts';

export interface RelationshipSignalsPayload extends SignalRulesPayload {
  accountIds?: string[];
}

/** The moment a job or a request judges: the end of `asOf`, else now. */
export const momentOf = (asOf: string | undefined, now: Date): Date => (asOf ? new Date(`${asOf}T23:59:59.999Z`) : now);

export const runRelationshipSignals = signalRulesJob<RelationshipSignalsPayload>('relationship signals', (db, r) =>
  evaluateRelationshipSignals(
    db,
    r.caps,
    r.workspaceId,
    momentOf(r.payload.asOf, r.now),
    r.named ? r.payload.accountIds : undefined,
  ),
);
