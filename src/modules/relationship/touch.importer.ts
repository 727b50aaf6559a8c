/**
 * `touches` behind the one `Importer` face: CRM activity exports as they come (Salesforce Tasks and Events,
 * HubSpot activities) or any table through `--map`. Meetings, calls and emails become touches; to-dos and notes
 * are skipped and counted; a row whose account cannot be found (by id, name, its people or their email domain)
 * is reported. Each touch moves its contacts' last touch forward; importing the file again changes nothing.
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
  detectTouchFormat,
  TOUCH_FIELD_SET,
  TOUCH_FIELDS,
  TOUCH_FORMATS,
  TOUCH_PROFILES,
  type TouchField,
} from './import/touch-profiles.ts';
import { touchRowMapper } from './import/touch-rows.ts';
import { applyTouchBatch } from './touch.service.ts';
import type { TouchRecord } from './touch.ts';

const profileOf = (format: string, request: ImportRequest): FormatProfile<TouchField> =>
  format === 'mapped'
    ? mappedProfile(request.mapping ?? {}, TOUCH_FIELD_SET)
    : TOUCH_PROFILES[format as keyof typeof TOUCH_PROFILES];

function assertRequest(format: string, request: ImportRequest, name: OptionNamer): void {
  const errors: Array<{ field: string; message: string }> = [];
  if (!(TOUCH_FORMATS as readonly string[]).includes(format))
    errors.push({ field: name('format'), message: `unknown format "${format}" (${TOUCH_FORMATS.join(', ')})` });
  if (format === 'mapped' && !request.mapping)
    errors.push({ field: name('mapping'), message: 'the mapped format needs a mapping of columns to fields' });
  for (const m of request.mapping ? mappingProblems(request.mapping, TOUCH_FIELD_SET) : [])
    errors.push({ field: name('mapping'), message: m });
  if (errors.length)
    throw new AppError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { fieldErrors: errors });
}

const touchView = (r: TouchRecord): Record<string, unknown> => ({
  external_id: r.externalId,
  kind: r.kind,
  occurred_at: r.occurredAt,
  subject: r.subject,
  direction: r.direction,
  account_external_id: r.accountRef,
  account: r.accountName,
  contact_external_id: r.contactRefs.join('; '),
  contact_email: r.emails.join('; '),
});

function plan(format: string, headers: readonly string[], request: ImportRequest, name: OptionNamer): ImportPlan {
  assertRequest(format, request, name);
  const profile = profileOf(format, request);
  return {
    format,
    headerProblems: headerProblems(profile, undefined, TOUCH_FIELD_SET, headers, []),
    mapping: resolveColumns(profile, undefined, TOUCH_FIELD_SET, headers),
    map: touchRowMapper(profile, { source: profile.source, dateOrder: request.dateOrder, now: new Date() }),
    view: (record) => touchView(record as TouchRecord),
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function run(db: Kysely<Database>, call: ImportCall): Promise<ImportResult> {
  const { request, workspaceId } = call;
  let byDomain = 0;
  let touched = 0;
  return runCsvImport<TouchRecord>(db, call, {
    kind: 'touches',
    reading: { formats: TOUCH_FORMATS, detect: detectTouchFormat, plan },
    auditAction: 'touch.import',
    prepare: async ({ format, dateOrder }) => {
      const now = new Date();
      const profile = profileOf(format, request);
      return {
        map: touchRowMapper(profile, { source: profile.source, dateOrder, now }),
        applyBatch: async (trx, batch) => {
          const result = await applyTouchBatch(trx, { workspaceId, now }, batch);
          byDomain += result.byDomain;
          touched += result.contactsTouched;
          return result;
        },
      };
    },
    notes: ({ file, skipped }) => [
      ...file,
      ...skipped,
      ...(byDomain > 0
        ? [
            `${plural(byDomain, 'touch names', 'touches name')} no known contact: attached to the one account whose domain their email addresses share`,
          ]
        : []),
      ...(touched > 0 && !call.dryRun ? [`${plural(touched, 'contact’s', 'contacts’')} last touch moved forward`] : []),
    ],
  });
}

const touches = {
  kind: 'touches' as const,
  label: 'Touches',
  description:
    'Import meetings, calls and emails with customers from a CRM’s activity export: Salesforce Tasks and Events, HubSpot activities, or any table with --map. Tasks and notes are skipped; each touch moves its contacts’ last touch forward (never back); importing the file again changes nothing.',
  access: 'relationship:write' as const,
  takes: ['format', 'mapping', 'dateOrder'] as const,
  examples: [
    'baton import touches salesforce_tasks.csv --workspace acme',
    'baton import touches hubspot-crm-exports-all-activities.csv --workspace acme',
    'baton import touches calls.csv --workspace acme --map "When=occurred_at" --map "Who=contact_email" --map "Channel=kind"',
  ],
  formatHelp: {
    salesforce:
      'a Salesforce Task or Event export (Subject, ActivityDate, WhoId or Who.Email, WhatId/AccountId, Type/TaskSubtype)',
    hubspot: 'HubSpot’s activity export (Activity type, Activity date, Associated Contact, Associated Company)',
    touches: 'a table with Baton’s names (kind, occurred_at, contact_email, account …)',
    mapped: 'any table, its columns named with --map',
  },
  formats: TOUCH_FORMATS,
  fields: TOUCH_FIELDS,
  aliasFields: [],
  defaultFields: [],
  detect: detectTouchFormat,
  plan,
  run,
};

/** The touch import as the CLI, the upload routes and the import page see it. */
export const touchImporter: Importer = touches;
