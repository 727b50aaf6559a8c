/**
 * `surveys` behind the one `Importer` face the CLI, the upload routes and the import page share: NPS and CSAT
 * answers from a survey tool's export (or any file through `--map`). A score out of range, an answer from the
 * future or one whose account cannot be found is refused naming its row; an answer imported again changes nothing.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { runCsvImport } from '../../platform/imports/csv-import.ts';
import type { ImportResult } from '../../platform/imports/import-run.ts';
import type { ImportCall, Importer, ImportPlan, ImportRequest, OptionNamer } from '../../platform/imports/importer.ts';
import {
  type FormatProfile,
  headerProblems,
  mappedProfile,
  mappingProblems,
  resolveColumns,
} from '../../platform/imports/profile.ts';
import {
  detectSurveyFormat,
  SURVEY_FIELDS,
  SURVEY_FORMATS,
  type SurveyField,
  surveyFieldSet,
  SURVEYS_PROFILE,
} from './import/survey-fields.ts';
import { surveyRowMapper } from './import/survey-rows.ts';
import type { SurveyKind } from './sentiment.ts';
import { applySurveyBatch } from './survey.service.ts';
import type { SurveyRecord } from './survey.ts';

const profileOf = (format: string, request: ImportRequest): FormatProfile<SurveyField> =>
  format === 'mapped' ? mappedProfile(request.mapping ?? {}, surveyFieldSet(false)) : SURVEYS_PROFILE;

const kindOption = (request: ImportRequest): SurveyKind | undefined => {
  const k = request.options?.kind?.trim().toLowerCase();
  return k === 'nps' || k === 'csat' ? k : undefined;
};

function assertRequest(format: string, request: ImportRequest, name: OptionNamer): void {
  const errors: Array<{ field: string; message: string }> = [];
  if (!(SURVEY_FORMATS as readonly string[]).includes(format))
    errors.push({ field: name('format'), message: `unknown format "${format}" (${SURVEY_FORMATS.join(', ')})` });
  if (format === 'mapped' && !request.mapping)
    errors.push({ field: name('mapping'), message: 'the mapped format needs a mapping of columns to fields' });
  for (const m of request.mapping ? mappingProblems(request.mapping, surveyFieldSet(false)) : [])
    errors.push({ field: name('mapping'), message: m });
  if (request.options?.kind !== undefined && !kindOption(request))
    errors.push({ field: name('kind'), message: `"${request.options.kind}" is not a survey kind (nps or csat)` });
  if (errors.length)
    throw new AppError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { fieldErrors: errors });
}

const surveyView = (r: SurveyRecord): Record<string, unknown> => ({
  external_id: r.externalId,
  account_external_id: r.accountRef,
  account: r.accountName,
  contact_id: r.contactId,
  contact_email: r.contactEmail,
  kind: r.kind,
  score: r.score,
  comment: r.comment,
  responded_at: r.respondedAt,
  milestone: r.milestone,
});

function plan(format: string, headers: readonly string[], request: ImportRequest, name: OptionNamer): ImportPlan {
  assertRequest(format, request, name);
  const profile = profileOf(format, request);
  const fields = surveyFieldSet(kindOption(request) !== undefined);
  return {
    format,
    headerProblems: headerProblems(profile, undefined, fields, headers, []),
    mapping: resolveColumns(profile, undefined, fields, headers),
    map: surveyRowMapper(profile, { dateOrder: request.dateOrder, kind: kindOption(request), now: new Date() }),
    view: (record) => surveyView(record as SurveyRecord),
  };
}

/** Runs a survey import: the shared CSV run, each answer written through the survey service. */
async function run(db: Kysely<Database>, call: ImportCall): Promise<ImportResult> {
  const { request, workspaceId } = call;
  return runCsvImport<SurveyRecord>(db, call, {
    kind: 'surveys',
    reading: { formats: SURVEY_FORMATS, detect: detectSurveyFormat, plan },
    auditAction: 'survey.import',
    prepare: async ({ format, dateOrder }) => {
      const now = new Date();
      return {
        map: surveyRowMapper(profileOf(format, request), { dateOrder, kind: kindOption(request), now }),
        applyBatch: (trx, batch) => applySurveyBatch(trx, { workspaceId, source: 'csv', now }, batch),
      };
    },
  });
}

const surveys = {
  kind: 'surveys' as const,
  label: 'Survey answers',
  description:
    'Import NPS (0–10) and CSAT (1–5) answers from a survey tool’s export (any file with --map). Each answer finds ' +
    'its account by id, domain or name, or by who answered; a score out of range or a date in the future is refused ' +
    'naming the row. Importing the file again changes nothing.',
  access: 'relationship:write' as const,
  takes: ['format', 'mapping', 'dateOrder'] as const,
  options: [
    {
      name: 'kind',
      description: 'The survey kind of every row when the file has no kind column: nps or csat',
      pattern: /^(nps|csat)$/i,
      maxLength: 4,
    },
  ],
  examples: [
    'baton import surveys nps.csv --workspace acme --kind nps',
    'baton import surveys answers.csv --workspace acme --map "Respondent=contact_email" --map "Rating=score" ' +
      '--map "Submitted=responded_at" --map "Survey=kind"',
  ],
  formatHelp: {
    surveys: 'a table with the usual column names (email, score, responded_at or date, kind or --kind …)',
    mapped: 'any table, its columns named with --map',
  },
  formats: SURVEY_FORMATS,
  fields: SURVEY_FIELDS,
  aliasFields: [],
  defaultFields: [],
  detect: detectSurveyFormat,
  plan,
  run,
};

/** The survey import as the CLI, the upload routes and the import page see it. */
export const surveyImporter: Importer = surveys;
