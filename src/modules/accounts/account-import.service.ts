import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Database } from '../../platform/db/schema.ts';
import { listMembers } from '../../platform/identity/member.service.ts';
import type { ImportReport, ImportResult } from '../../platform/imports/import-run.ts';
import { runImport } from '../../platform/imports/import.service.ts';
import type { Importer, ImportPlan, ImportRequest, OptionNamer } from '../../platform/imports/importer.ts';
import { mapCsvRows, skipNotes } from '../../platform/imports/map-rows.ts';
import { resolveColumns } from '../../platform/imports/profile.ts';
import { type CsvInput, openCsv, settleDateOrder, unknownFormat } from '../../platform/imports/source.ts';
import type { ContactRole, LifecyclePhase, Segment } from './account.ts';
import { applyAccountBatch } from './account-batch.service.ts';
import { applyContactBatch } from './contact-batch.service.ts';
import { queueAccountsAppeared } from './accounts-appeared.ts';
import {
  ACCOUNT_ALIAS_FIELDS,
  ACCOUNT_DEFAULT_FIELDS,
  ACCOUNT_FIELD_SET,
  ACCOUNT_FIELDS,
  type AccountImportRecord,
  accountMapper,
  assertHeader,
  assertOptions,
  CONTACT_ALIAS_FIELDS,
  CONTACT_DEFAULT_FIELDS,
  CONTACT_FIELD_SET,
  CONTACT_FIELDS,
  type ContactImportRecord,
  contactMapper,
  detectAccountFormat,
  detectContactFormat,
  fileHeaderProblems,
  MemberIndex,
  optionProblems,
  overridesOf,
  profileOf,
  RECORD_FORMATS,
  type RecordFormat,
  type RecordImportOptions,
  type RecordKind,
} from './import/index.ts';

export interface RecordImportInput {
  workspaceId: string;
  actor: Actor;
  input: CsvInput;
  fileName: string | null;
  request?: ImportRequest;
  dryRun?: boolean;
  runId?: string;
  /** How the caller names options in errors (`--map`, `querystring.mapping`); the option's own name by default. */
  name?: OptionNamer;
  onProgress?: (report: ImportReport) => void;
}

const optionsOf = (request: ImportRequest): RecordImportOptions => ({
  mapping: request.mapping,
  columns: request.columns,
  aliases: request.aliases,
  defaults: request.defaults,
  dateOrder: request.dateOrder,
});

/** The format to read with: the one named, `mapped` when a mapping is given, else the one the header shows. */
function chooseFormat(
  kind: RecordKind,
  headers: readonly string[],
  request: ImportRequest,
  name: OptionNamer,
): RecordFormat {
  if (request.format) return request.format as RecordFormat;
  if (request.mapping) return 'mapped';
  const detected = kind === 'accounts' ? detectAccountFormat(headers) : detectContactFormat(headers);
  if (!detected) throw unknownFormat(headers, RECORD_FORMATS, name('format'));
  return detected;
}

/** Checks the request and the header, and binds the row mapper: everything a preview or an import reads with. */
function planOf(
  kind: RecordKind,
  format: string,
  headers: readonly string[],
  request: ImportRequest,
  name: OptionNamer,
): ImportPlan & { options: RecordImportOptions } {
  const options = optionsOf(request);
  assertOptions(optionProblems(kind, format, options), name);
  const f = format as RecordFormat;
  if (kind === 'accounts') {
    return {
      format,
      options,
      headerProblems: fileHeaderProblems(kind, f, headers, options),
      mapping: resolveColumns(profileOf(kind, f, options), overridesOf(f, options), ACCOUNT_FIELD_SET, headers),
      map: accountMapper(profileOf(kind, f, options), overridesOf(f, options), options),
      view: (r) => accountView(r as AccountImportRecord),
    };
  }
  return {
    format,
    options,
    headerProblems: fileHeaderProblems(kind, f, headers, options),
    mapping: resolveColumns(profileOf(kind, f, options), overridesOf(f, options), CONTACT_FIELD_SET, headers),
    map: contactMapper(profileOf(kind, f, options), overridesOf(f, options), options),
    view: (r) => contactView(r as ContactImportRecord),
  };
}

const accountView = (r: AccountImportRecord): Record<string, unknown> => ({
  external_id: r.externalId,
  name: r.name,
  domain: r.domain,
  segment: r.segment,
  industry: r.industry,
  region: r.region,
  country: r.country,
  lifecycle_phase: r.lifecyclePhase,
  renewal_date: r.renewalDate,
  owner: r.owner,
  csm: r.csm,
});

const contactView = (r: ContactImportRecord): Record<string, unknown> => ({
  external_id: r.externalId,
  account: r.accountName,
  account_external_id: r.accountExternalId,
  name: r.name,
  email: r.email,
  title: r.title,
  role: r.role,
  last_touch_at: r.lastTouchAt,
  left_at: r.leftAt,
});

/**
 * Imports accounts or contacts from a CRM export or any mapped CSV: streams it (constant memory), maps every
 * row, applies batches of 2,000 in their own transactions, and answers with a row-level report. Records are
 * keyed by source + external id, else matched (accounts by domain then exact name; contacts by email then name
 * within their account), so importing the same file again changes nothing. A dry run writes nothing.
 */
export async function importRecords(
  db: Kysely<Database>,
  kind: RecordKind,
  input: RecordImportInput,
): Promise<ImportResult> {
  const name: OptionNamer = input.name ?? ((o) => o);
  const request = input.request ?? {};
  const notes: string[] = [];
  const { reader, headers } = await openCsv(input.input);
  let report: ImportReport & { runId: string };
  const skips = new Map<string, number>();
  const unmatchedOwners = new Set<string>();
  let format: RecordFormat;
  try {
    format = chooseFormat(kind, headers, request, name);
    const plan = planOf(kind, format, headers, request, name);
    assertHeader(plan.headerProblems);
    const dateOrder = await settleDateOrder(input.input, plan.options.dateOrder, notes, name('dateOrder'));
    const options = { ...plan.options, dateOrder };
    const defaults = options.defaults ?? {};
    const common = {
      workspaceId: input.workspaceId,
      kind,
      format,
      fileName: input.fileName,
      actor: input.actor,
      dryRun: input.dryRun,
      runId: input.runId,
      onProgress: input.onProgress,
      audit: { action: kind === 'accounts' ? 'account.import' : 'contact.import' },
      notes: () => allNotes(notes, skips, unmatchedOwners),
    };
    if (kind === 'accounts') {
      const map = accountMapper(profileOf(kind, format, options), overridesOf(format, options), options);
      const members = new MemberIndex(await listMembers(db, input.workspaceId));
      const ctx = {
        workspaceId: input.workspaceId,
        defaults: {
          segment: defaults.segment as Segment | undefined,
          lifecyclePhase: defaults.lifecycle_phase as LifecyclePhase | undefined,
        },
        members,
        unmatchedOwners,
      };
      report = await runImport(db, {
        ...common,
        rows: mapCsvRows(reader, map, skips),
        applyBatch: (trx, batch) => applyAccountBatch(trx, ctx, batch),
      });
    } else {
      const map = contactMapper(profileOf(kind, format, options), overridesOf(format, options), options);
      const ctx = { workspaceId: input.workspaceId, defaults: { role: defaults.role as ContactRole | undefined } };
      report = await runImport(db, {
        ...common,
        rows: mapCsvRows(reader, map, skips),
        applyBatch: (trx, batch) => applyContactBatch(trx, ctx, batch),
      });
    }
  } finally {
    await reader.close().catch(() => {});
  }
  // Usage events kept aside and deals waiting for the accounts that appeared are matched by jobs, after these writes.
  if (!input.dryRun && kind === 'accounts' && report.created + report.updated > 0)
    await queueAccountsAppeared(db, input.workspaceId);
  return { ...report, kind, format, dryRun: Boolean(input.dryRun), notes: allNotes(notes, skips, unmatchedOwners) };
}

/** The notes of a run: those said before the rows, then skip reasons and owners no member matched. */
function allNotes(before: readonly string[], skips: Map<string, number>, unmatchedOwners: Set<string>): string[] {
  const notes = [...before, ...skipNotes(skips)];
  if (unmatchedOwners.size > 0) {
    const list = [...unmatchedOwners].slice(0, 10).join('; ');
    notes.push(
      `owners that name no member were left unassigned: ${list}${unmatchedOwners.size > 10 ? ' …' : ''} (owners are matched by a member's email or name)`,
    );
  }
  return notes;
}

export const importAccounts = (db: Kysely<Database>, input: RecordImportInput) => importRecords(db, 'accounts', input);
export const importContacts = (db: Kysely<Database>, input: RecordImportInput) => importRecords(db, 'contacts', input);

const ABOUT: Record<RecordKind, Pick<Importer, 'label' | 'description' | 'examples'>> = {
  accounts: {
    label: 'Accounts',
    description:
      'Import accounts from a CSV: Salesforce Account or HubSpot company exports, Fivetran syncs, or any CSV with --map. Matched by CRM id, else domain, else exact name: re-running it changes nothing; a changed row updates its account.',
    examples: [
      'baton import accounts Account.csv --workspace acme --default segment=mid_market',
      'baton import accounts hubspot-crm-exports-all-companies.csv --workspace acme --column segment=Tier --alias segment:Strategic=enterprise',
      'baton import accounts customers.csv --workspace acme --map "Customer=name" --map "Web=domain" --map "Tier=segment" --dry-run --json',
    ],
  },
  contacts: {
    label: 'Contacts',
    description:
      "Import contacts from a CSV: Salesforce Contact or HubSpot contact exports, Fivetran syncs, or any CSV with --map. Each names its account by the account's CRM id or name (import accounts first). Matched by CRM id, else email, else name within the account.",
    examples: [
      'baton import contacts Contact.csv --workspace acme',
      'baton import contacts hubspot-crm-exports-all-contacts.csv --workspace acme --alias "role:Decision Maker=executive_sponsor" --alias "role:End User=key_user"',
      'baton import contacts people.csv --workspace acme --map "Company=account" --map "Full name=name" --map "E-mail=email" --default role=key_user',
    ],
  },
};

function importerOf(kind: RecordKind): Importer {
  return {
    kind,
    ...ABOUT[kind],
    takes: ['format', 'mapping', 'columns', 'aliases', 'defaults', 'dateOrder'],
    formats: RECORD_FORMATS,
    fields: kind === 'accounts' ? ACCOUNT_FIELDS : CONTACT_FIELDS,
    aliasFields: kind === 'accounts' ? ACCOUNT_ALIAS_FIELDS : CONTACT_ALIAS_FIELDS,
    defaultFields: kind === 'accounts' ? ACCOUNT_DEFAULT_FIELDS : CONTACT_DEFAULT_FIELDS,
    detect: kind === 'accounts' ? detectAccountFormat : detectContactFormat,
    plan: (format, headers, request, name) => planOf(kind, format, headers, request, name),
    run: (db, input) => importRecords(db, kind, input),
  };
}

/** The account and contact imports as the import page and API see them. */
export const accountImporter: Importer = importerOf('accounts');
export const contactImporter: Importer = importerOf('contacts');
