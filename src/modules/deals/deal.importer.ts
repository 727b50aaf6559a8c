/** Deals behind the one `Importer` face the CLI, the upload routes and the import page share. */
import type { DealRecord } from './deal.ts';
import { importDeals } from './deal-import.service.ts';
import { DEAL_FIELD_NAMES, type DealField } from './import/formats.ts';
import {
  DEAL_FIELDS,
  detectFormat,
  headerProblems,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportOptions,
  mapperFor,
  optionProblems,
} from './import/index.ts';
import { mappingProblems } from './import/mapped.mapper.ts';
import { profileFor } from './import/options.ts';
import { ALIAS_FIELDS } from './import/aliases.ts';
import { AppError, type FieldError } from '../../platform/errors/app-error.ts';
import type { Importer, ImportRequest, OptionNamer } from '../../platform/imports/importer.ts';
import { resolveColumns } from '../../platform/imports/profile.ts';

/** The request in the deal importer's terms; aliases turn from spelling → value into value → spellings. */
function dealOptions(request: ImportRequest): ImportOptions {
  // Field names and values are the user's (`__proto__`, `constructor` …): objects without a prototype hold them as data.
  const aliases: Record<string, Record<string, string[]>> = Object.create(null);
  for (const [field, table] of Object.entries(request.aliases ?? {})) {
    for (const [spelling, canonical] of Object.entries(table)) {
      const byField = (aliases[field] ??= Object.create(null) as Record<string, string[]>);
      byField[canonical] = [...(byField[canonical] ?? []), spelling];
    }
  }
  return {
    mapping: request.mapping,
    columns: request.columns as ImportOptions['columns'],
    aliases: request.aliases ? (aliases as ImportOptions['aliases']) : undefined,
    dateOrder: request.dateOrder,
    decimal: request.decimal,
    defaultCurrency: request.currency,
  };
}

/** Which request option a deal importer's problem is about, from the way it is worded. */
function optionOf(problem: string): Parameters<OptionNamer>[0] {
  if (problem.startsWith('aliases')) return 'aliases';
  if (problem.startsWith('date order')) return 'dateOrder';
  if (problem.startsWith('decimal')) return 'decimal';
  if (problem.startsWith('default currency')) return 'currency';
  if (problem.startsWith('columns')) return 'columns';
  if (problem.startsWith('unknown format')) return 'format';
  return 'mapping';
}

/** A mapping that leaves a required field without a column: a problem of the file to show, not a bad request. */
const INCOMPLETE = /^no column is mapped to (\w+), which is required$/;

/** Checks the options, throwing for the bad ones; answers the required fields a mapping leaves without a column. */
function assertDealOptions(format: ImportFormat, options: ImportOptions, name: OptionNamer): string[] {
  const all = optionProblems(format, options);
  const missing = all.flatMap((p) => INCOMPLETE.exec(p)?.[1] ?? []);
  const problems = all.filter((p) => !INCOMPLETE.test(p));
  if (problems.length === 0) return missing;
  const mapping = new Set(format === 'mapped' ? mappingProblems(options.mapping ?? {}) : []);
  const fieldErrors: FieldError[] = problems.map((message) => ({
    field: name(mapping.has(message) ? 'mapping' : optionOf(message)),
    message,
  }));
  throw new AppError('validation', fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; '), { fieldErrors });
}

const DEAL_FIELD_SET = {
  names: DEAL_FIELD_NAMES,
  required: [['external_id'], ['name'], ['stage']] as DealField[][],
  multi: ['product'] as DealField[],
};

/** A deal by documented field name, for the preview. */
function dealView(r: DealRecord): Record<string, unknown> {
  const t = r.terms;
  return {
    external_id: r.externalId,
    name: r.name,
    stage: r.stage,
    account: r.accountName,
    account_external_id: r.accountExternalId,
    amount: r.amount,
    currency: r.currency,
    close_date: r.closeDate,
    signed_date: r.signedDate,
    created_date: r.createdDate,
    owner: r.owner,
    product: r.products.join('; ') || null,
    pipeline: r.pipeline,
    partner: r.partner,
    ...(t
      ? {
          pricing_model: t.pricingModel,
          billing_terms: t.billingTerms,
          discount: t.discountPct,
          non_standard_terms: t.nonStandardClauses.join('; ') || null,
          services_amount: t.servicesSold,
        }
      : {}),
    probability: r.probability ?? null,
    is_won: r.stageCategory === null ? null : r.stageCategory === 'won',
    is_closed: r.stageCategory === null ? null : r.stageCategory !== 'open',
  };
}

export const dealImporter: Importer = {
  kind: 'deals',
  label: 'Deals',
  description:
    'Import deals from a CSV: HubSpot or Salesforce exports, Fivetran syncs, or any CSV with --map. Re-running it changes nothing; a changed row updates its deal.',
  takes: ['format', 'mapping', 'columns', 'aliases', 'dateOrder', 'decimal', 'currency'],
  examples: [
    'baton import deals hubspot-crm-exports-all-deals.csv --workspace acme',
    'baton import deals Opportunity.csv --workspace acme --format salesforce --date-order mdy --column product=Product__c',
    'baton import deals deals.csv --workspace acme --map "Deal ID=external_id" --map "Title=name" --map "Status=stage" --json',
  ],
  formats: IMPORT_FORMATS,
  fields: DEAL_FIELDS,
  aliasFields: ALIAS_FIELDS,
  defaultFields: [],
  detect: detectFormat,
  plan: (format, headers, request, name) => {
    const options = dealOptions(request);
    const missing = assertDealOptions(format as ImportFormat, options, name);
    const f = format as ImportFormat;
    // With a required field unmapped the deal mapper cannot be built: each row then says what it lacks.
    const map = missing.length ? undefined : mapperFor(f, options);
    return {
      format,
      headerProblems: [
        ...missing.map((field) => `no column is mapped to ${field}, which is required`),
        ...headerProblems(f, headers, options),
      ],
      mapping: resolveColumns(profileFor(f, options), options.columns, DEAL_FIELD_SET, headers),
      map: (values, row) => {
        if (!map)
          return {
            ok: false,
            errors: missing.map((field) => ({ row, field, reason: 'required, but no column is mapped to it' })),
          };
        const result = map(values, row);
        return 'skipped' in result
          ? result
          : result.ok
            ? { ok: true, record: result.record }
            : { ok: false, errors: result.errors };
      },
      view: (record) => dealView(record as DealRecord),
    };
  },
  run: async (db, input) => {
    const options = dealOptions(input.request);
    const format = (input.request.format ?? (input.request.mapping ? 'mapped' : undefined)) as ImportFormat | undefined;
    if (format) assertDealOptions(format, options, input.name);
    const result = await importDeals(db, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      open: input.input.open,
      once: input.input.once,
      fileName: input.fileName,
      format,
      options,
      dryRun: input.dryRun,
      runId: input.runId,
      onProgress: input.onProgress,
    }).catch((error: unknown) => {
      throw renamed(error, input.name);
    });
    return { ...result, kind: 'deals' };
  },
};

/** The deal importer names the format and date-order options plainly; the caller's names replace them. */
function renamed(error: unknown, name: OptionNamer): unknown {
  if (!(error instanceof AppError) || error.code !== 'validation') return error;
  const known = { format: name('format'), dateOrder: name('dateOrder') } as Record<string, string>;
  if (!error.fieldErrors.some((f) => f.field in known)) return error;
  const fieldErrors = error.fieldErrors.map((f) => ({ ...f, field: known[f.field] ?? f.field }));
  return new AppError('validation', fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; '), {
    fieldErrors,
    cause: error,
  });
}
