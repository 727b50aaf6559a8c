/** A survey export's row → an answer to record (pure), every problem of the row reported at once. */
import { FieldReader } from '../../../platform/imports/field-reader.ts';
import type { RowResult } from '../../../platform/imports/map-rows.ts';
import type { FormatProfile } from '../../../platform/imports/profile.ts';
import type { DateOrder } from '../../../platform/imports/values/dates.ts';
import { parseEmail } from '../../../platform/imports/values/emails.ts';
import { fail, ok, type Parsed } from '../../../platform/imports/values/parsed.ts';
import { parseTimestamp } from '../../../platform/imports/values/timestamps.ts';
import { scoreProblem, type SurveyKind } from '../sentiment.ts';
import type { SurveyRecord } from '../survey.ts';
import type { SurveyField } from './survey-fields.ts';

const KIND_WORDS = new Map<string, SurveyKind>([
  ['nps', 'nps'],
  ['net promoter', 'nps'],
  ['net promoter score', 'nps'],
  ['csat', 'csat'],
  ['customer satisfaction', 'csat'],
  ['satisfaction', 'csat'],
]);

export function parseSurveyKind(raw: string): Parsed<SurveyKind | null> {
  const t = raw.trim().toLowerCase();
  if (t === '') return ok(null);
  const kind = KIND_WORDS.get(t);
  return kind ? ok(kind) : fail(`"${raw}" is not a survey kind (nps or csat)`);
}

const parseScore = (raw: string): Parsed<number | null> => {
  const t = raw.trim();
  if (t === '') return ok(null);
  return /^-?\d+(\.0+)?$/.test(t) ? ok(Number(t)) : fail(`"${raw}" is not a whole-number score`);
};

export interface SurveyRowOptions {
  dateOrder?: DateOrder;
  /** The kind of every row that names none (`--kind`). */
  kind?: SurveyKind;
  /** The clock: an answer after it is refused. */
  now: Date;
}

export function surveyRowMapper(
  profile: FormatProfile<SurveyField>,
  options: SurveyRowOptions,
): (values: Record<string, string>, row: number) => RowResult<SurveyRecord> {
  const now = options.now.toISOString();
  return (values, row) => {
    const r = new FieldReader(values, row, profile, undefined);
    const kind = r.parsed('kind', parseSurveyKind) ?? options.kind ?? null;
    if (!kind && !r.errors.some((e) => e.field === 'kind')) r.required('kind', null);
    const score = r.parsed('score', parseScore) ?? null;
    if (score === null && !r.errors.some((e) => e.field === 'score')) r.required('score', null);
    if (kind && score !== null) {
      const problem = scoreProblem(kind, score);
      if (problem) r.fail('score', problem);
    }
    const respondedAt = r.parsed('responded_at', (raw) => parseTimestamp(raw, options.dateOrder)) ?? null;
    if (!respondedAt && !r.errors.some((e) => e.field === 'responded_at')) r.required('responded_at', null);
    if (respondedAt && respondedAt > now) r.fail('responded_at', `${respondedAt} is in the future`);
    const accountRef = r.text('account_external_id') ?? null;
    const accountName = r.text('account') ?? null;
    const contactId = r.text('contact_id') ?? null;
    const contactEmail = r.parsed('contact_email', parseEmail) ?? null;
    if (
      !accountRef &&
      !accountName &&
      !contactId &&
      !contactEmail &&
      !r.errors.some((e) => e.field === 'contact_email')
    )
      r.fail('account_external_id', 'required: name the account (id, domain or name) or who answered');
    if (r.errors.length > 0 || !kind || score === null || !respondedAt) return { ok: false, errors: r.errors };
    return {
      ok: true,
      record: {
        accountRef,
        accountName,
        contactId,
        contactEmail,
        kind,
        score,
        comment: r.text('comment') ?? null,
        respondedAt,
        milestone: r.text('milestone') ?? null,
        externalId: r.text('external_id') ?? null,
      },
    };
  };
}
