/** A project's dates checked against its own history, naming the request's field when one contradicts it. */
import { AppError } from '../../../platform/errors/app-error.ts';
import { type DatedRecord, type DateField, datesContradiction } from './project.ts';
import type { ProjectRow } from './project.store.ts';

export const datedRecordOf = (r: ProjectRow): DatedRecord => ({
  signedOn: r.signed_on,
  acceptedOn: r.accepted_on,
  plannedKickoffOn: r.planned_kickoff_on,
  kickoffOn: r.kickoff_on,
  promisedGoLive: r.promised_go_live,
  goLiveOn: r.go_live_on,
});

/** Refuses dates that contradict the project's own history (`datesContradiction`), naming the request's field. */
export function checkDates(
  record: DatedRecord,
  changed: readonly DateField[],
  fieldOf: (f: DateField) => string,
): void {
  const bad = datesContradiction(record, changed);
  if (bad) throw AppError.validation(fieldOf(bad.field), bad.message);
}
