/**
 * `subscriptions` behind the one `Importer` face the CLI, the upload routes and the import page share: a
 * subscription table (RavenStack's as it comes, or any file through `--map`), streamed in batches of 2,000 rows,
 * each keyed by its external id so that importing it again changes nothing.
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
import { readSetting } from '../../platform/settings/settings.service.ts';
import { accountMatcher } from './account-match.service.ts';
import { DEFAULT_CURRENCY } from './currency.ts';
import {
  detectSubscriptionFormat,
  SUBSCRIPTION_FIELD_SET,
  SUBSCRIPTION_FIELDS,
  SUBSCRIPTION_FORMATS,
  type SubscriptionField,
  SUBSCRIPTIONS_PROFILE,
} from './import/subscription-fields.ts';
import { parseCurrency, subscriptionRowMapper } from './import/subscription-rows.ts';
import { revenueSettings } from './revenue.settings.ts';
import { feedSeats } from './seats.service.ts';
import { applySubscriptionBatch, type SubscriptionRecord } from './subscription.service.ts';
import { fromCents } from './subscription.ts';

const profileOf = (format: string, request: ImportRequest): FormatProfile<SubscriptionField> =>
  format === 'mapped' ? mappedProfile(request.mapping ?? {}, SUBSCRIPTION_FIELD_SET) : SUBSCRIPTIONS_PROFILE;

/** Options that cannot work, thrown as one validation error naming each option as the caller knows it. */
function assertRequest(format: string, request: ImportRequest, name: OptionNamer): void {
  const errors: Array<{ field: string; message: string }> = [];
  if (!(SUBSCRIPTION_FORMATS as readonly string[]).includes(format))
    errors.push({ field: name('format'), message: `unknown format "${format}" (${SUBSCRIPTION_FORMATS.join(', ')})` });
  if (format === 'mapped' && !request.mapping)
    errors.push({ field: name('mapping'), message: 'the mapped format needs a mapping of columns to fields' });
  for (const m of request.mapping ? mappingProblems(request.mapping, SUBSCRIPTION_FIELD_SET) : [])
    errors.push({ field: name('mapping'), message: m });
  if (request.currency && 'error' in parseCurrency(request.currency))
    errors.push({ field: name('currency'), message: `"${request.currency}" is not a three-letter currency code` });
  for (const option of ['columns', 'aliases', 'defaults', 'decimal'] as const)
    if (request[option] !== undefined)
      errors.push({ field: name(option), message: 'subscriptions take no such option: map the columns instead' });
  if (errors.length)
    throw new AppError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { fieldErrors: errors });
}

function plan(format: string, headers: readonly string[], request: ImportRequest, name: OptionNamer): ImportPlan {
  assertRequest(format, request, name);
  const profile = profileOf(format, request);
  const currency = request.currency?.toUpperCase() ?? DEFAULT_CURRENCY;
  return {
    format,
    headerProblems: headerProblems(profile, undefined, SUBSCRIPTION_FIELD_SET, headers, []),
    mapping: resolveColumns(profile, undefined, SUBSCRIPTION_FIELD_SET, headers),
    map: subscriptionRowMapper(profile, { dateOrder: request.dateOrder, currency }),
    view: (record) => subscriptionView(record as SubscriptionRecord),
  };
}

const subscriptionView = (r: SubscriptionRecord): Record<string, unknown> => ({
  external_id: r.externalId,
  account_external_id: r.accountRef,
  account: r.accountName,
  start_date: r.start,
  end_date: r.end,
  arr: fromCents(r.arrCents),
  mrr: r.mrrCents === null ? null : fromCents(r.mrrCents),
  seats: r.seats,
  plan: r.plan,
  is_trial: r.trial,
  currency: r.currency,
  billing_period: r.billingPeriod,
  auto_renew: r.autoRenew,
});

async function run(db: Kysely<Database>, call: ImportCall): Promise<ImportResult> {
  const { request, workspaceId } = call;
  let waiting = 0;
  return runCsvImport<SubscriptionRecord>(db, call, {
    kind: 'subscriptions',
    reading: { formats: SUBSCRIPTION_FORMATS, detect: detectSubscriptionFormat, plan },
    auditAction: 'subscription.import',
    prepare: async ({ format, dateOrder }) => {
      const settings = await readSetting(db, workspaceId, revenueSettings);
      const currency = request.currency?.toUpperCase() ?? settings.currency ?? DEFAULT_CURRENCY;
      const matcher = await accountMatcher(db, workspaceId);
      return {
        map: subscriptionRowMapper(profileOf(format, request), { dateOrder, currency }),
        applyBatch: async (trx, batch) => {
          const result = await applySubscriptionBatch(trx, { workspaceId, matcher }, batch);
          waiting += result.waiting;
          await feedSeats(trx, workspaceId, result.accounts);
          return result;
        },
      };
    },
    notes: ({ file, skipped }) => [...file, ...skipped, ...waitingNotes(waiting)],
  });
}

/** The note on subscriptions kept for accounts Baton does not know yet. */
const waitingNotes = (waiting: number): string[] =>
  waiting === 0
    ? []
    : [
        `${waiting === 1 ? '1 subscription names' : `${waiting} subscriptions name`} an account Baton does not ` +
          'know yet: kept, and matched when the account appears (import the accounts with their ids)',
      ];

const subscriptions = {
  kind: 'subscriptions' as const,
  label: 'Subscriptions',
  description:
    'Import subscriptions from a CSV (a billing export, RavenStack’s table, any file with --map). Keyed by ' +
    'external_id: re-running it changes nothing; a changed row updates its subscription. Subscriptions of accounts ' +
    'Baton does not know yet are kept and matched when the account appears.',
  takes: ['format', 'mapping', 'dateOrder', 'currency'] as const,
  examples: [
    'baton import subscriptions subscriptions.csv --workspace acme',
    'baton import subscriptions ravenstack_subscriptions.csv --workspace acme --map subscription_id=external_id ' +
      '--map account_id=account_external_id --map mrr_amount=mrr --map arr_amount=arr --map ' +
      'billing_frequency=billing_period --map auto_renew_flag=auto_renew --map plan_tier=plan',
    'baton import subscriptions billing.csv --workspace acme --map "Sub ID=external_id" --map "Customer=account" ' +
      '--map "Since=start_date" --map "MRR=mrr" --currency EUR --dry-run --json',
  ],
  formatHelp: {
    subscriptions: 'a table with the usual column names (subscription_id, account_id, start_date, arr_amount …)',
    mapped: 'any table, its columns named with --map',
  },
  formats: SUBSCRIPTION_FORMATS,
  fields: SUBSCRIPTION_FIELDS,
  aliasFields: [],
  defaultFields: [],
  detect: detectSubscriptionFormat,
  plan,
  run,
};

/** The subscription import as the CLI, the upload routes and the import page see it. */
export const subscriptionImporter: Importer = subscriptions;
