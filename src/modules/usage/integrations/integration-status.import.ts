/**
 * Integration-status CSV import (API, web page and CLI): columns account, integration, status, detail,
 * occurred_at, and optionally source and report_id. Run as every import runs: batches of 2,000 rows that each
 * commit whole, a bad row (bad status, bad time) reported with its row number and field and storing nothing, and
 * the run kept in the import history with its report. A report imported again is unchanged; one whose account is
 * not known yet is kept aside until it is.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { BatchOutcome, ImportReport } from '../../../platform/imports/import-run.ts';
import { runImport } from '../../../platform/imports/import.service.ts';
import type { Importer } from '../../../platform/imports/importer.ts';
import { mapCsvRows } from '../../../platform/imports/map-rows.ts';
import { type CsvInput, openCsv } from '../../../platform/imports/source.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { RecordsImportResult } from '../import/usage-import.service.ts';
import { readStatusRow } from './integration-status.ts';
import { type ReportInput, receiveReports, reportProblems } from './integration-status.service.ts';

export const INTEGRATION_STATUS_COLUMNS = [
  'account',
  'integration',
  'status',
  'detail',
  'occurred_at',
  'source',
  'report_id',
] as const;
const REQUIRED = ['account', 'integration', 'status', 'occurred_at'];

/** Header names as the file spells them, normalised: `Occurred At`, `occurredAt` → `occurred_at`. */
const normal = (header: string) =>
  header
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export interface StatusImportInput {
  workspaceId: string;
  actor: Actor;
  csv: CsvInput;
  fileName: string | null;
  dryRun?: boolean;
  /** The run's id, chosen by an API client to follow the run while the file uploads. */
  runId?: string;
  onProgress?: (report: ImportReport) => void;
}

/**
 * Stores one batch's reports, each once: a report imported or sent before is unchanged; one whose account Baton
 * does not know yet is kept aside (counted as created, and noted) until the account appears.
 */
async function applyStatusBatch(
  db: Db,
  workspaceId: string,
  batch: Array<{ row: number; record: ReportInput }>,
  keptAside: Set<string>,
): Promise<BatchOutcome> {
  const problems = reportProblems(batch.map((b) => b.record));
  const refused = new Set(problems.map((p) => p.index));
  const taken = batch.filter((_, i) => !refused.has(i));
  const outcomes = await receiveReports(
    db,
    workspaceId,
    taken.map((b) => b.record),
  );
  outcomes.forEach(
    (o, i) => o === 'kept_aside' && keptAside.add((taken[i] as { record: ReportInput }).record.account.trim()),
  );
  const errors = problems.map((p) => ({ row: batch[p.index]?.row as number, field: 'occurred_at', reason: p.message }));
  return {
    created: outcomes.filter((o) => o !== 'duplicate').length,
    updated: 0,
    unchanged: outcomes.filter((o) => o === 'duplicate').length,
    errors,
  };
}

/** The note of a run whose reports name accounts Baton does not know yet. */
const keptAsideNotes = (keptAside: Set<string>): string[] =>
  keptAside.size
    ? [
        `Reports of ${keptAside.size} account${keptAside.size === 1 ? '' : 's'} Baton does not know yet (${[...keptAside].slice(0, 5).join(', ')}${keptAside.size > 5 ? ' …' : ''}) are kept aside: they count once the account is created or imported with that id, CRM id or domain.`,
      ]
    : [];

export async function importIntegrationStatus(
  db: Kysely<Database>,
  input: StatusImportInput,
): Promise<RecordsImportResult> {
  const { reader, headers } = await openCsv(input.csv);
  let report: ImportReport & { runId: string };
  // Accounts (as the file names them) that reports were kept aside for, across every batch.
  const keptAside = new Set<string>();
  try {
    const names = new Map(headers.map((h) => [h, normal(h)]));
    const missing = REQUIRED.filter((c) => ![...names.values()].includes(c));
    if (headers.length === 0)
      throw AppError.validation(
        'file',
        'no header line could be read: the file is empty or its first line is malformed',
      );
    if (missing.length)
      throw AppError.validation(
        'file',
        `the header has no column ${missing.join(', ')} (columns: ${INTEGRATION_STATUS_COLUMNS.join(', ')}; source and report_id optional)`,
      );
    const mapRow = (values: Record<string, string>, row: number) => {
      const named: Record<string, string> = {};
      for (const [header, value] of Object.entries(values)) named[names.get(header) as string] = value;
      const mapped = readStatusRow(named, row);
      return mapped.ok ? { ok: true as const, record: mapped.report } : mapped;
    };
    report = await runImport(db, {
      workspaceId: input.workspaceId,
      kind: 'integration_status',
      format: 'integration_status',
      fileName: input.fileName,
      actor: input.actor,
      dryRun: input.dryRun,
      runId: input.runId,
      rows: mapCsvRows(reader, mapRow, new Map()),
      applyBatch: (trx, batch) => applyStatusBatch(trx, input.workspaceId, batch, keptAside),
      onProgress: input.onProgress,
      audit: { action: 'usage.integration_status_import' },
      notes: () => keptAsideNotes(keptAside),
    });
  } finally {
    await reader.close().catch(() => {});
  }
  const notes = keptAsideNotes(keptAside);
  return { ...report, kind: 'integration_status', format: 'integration_status', dryRun: Boolean(input.dryRun), notes };
}

/** Integration sync reports behind the one `Importer` face (`baton import integration-status`, its upload route). */
export const integrationStatusImporter: Importer = {
  kind: 'integration-status',
  runKind: 'integration_status',
  label: 'Integration status',
  description: `Import integration sync reports from a CSV with the columns ${INTEGRATION_STATUS_COLUMNS.join(', ')}. The account is a Baton id, a CRM id or a domain; status is ok or error. source and report_id are optional: a report imported again (the same source and report_id, or else the same source, account, integration and occurred_at) is unchanged. Reports of accounts Baton does not know yet are kept aside and counted once the account appears. Rejected rows store nothing.`,
  takes: [],
  formats: ['integration_status'],
  fields: [
    { name: 'account', required: true, description: 'the account: its Baton id, a CRM id or its domain' },
    { name: 'integration', required: true, description: 'the integration, as the product names it' },
    { name: 'status', required: true, description: 'ok or error' },
    { name: 'detail', required: false, description: 'what the sync said' },
    { name: 'occurred_at', required: true, description: 'when the sync ran (a timestamp)' },
    { name: 'source', required: false, description: 'what sent the report' },
    { name: 'report_id', required: false, description: "the source's own id for the report: imported once" },
  ],
  aliasFields: [],
  defaultFields: [],
  examples: ['baton import integration-status syncs.csv --workspace acme'],
  api: {
    summary:
      'Import integration sync reports from a CSV (account, integration, status, detail, occurred_at, optional source and report_id); answers a row-level report',
    description:
      'The body is the CSV file, sent as text/csv. A rejected row is reported with its row number and field and stores nothing; `created` counts the reports stored (or, in a dry run, that would be), `unchanged` those received before (a file imported again changes nothing). Reports of accounts Baton does not know yet are kept aside, counted once the account appears, and named in `notes`. The run is kept with the other imports.',
  },
  run: (db, call) =>
    importIntegrationStatus(db, {
      workspaceId: call.workspaceId,
      actor: call.actor,
      csv: call.input,
      fileName: call.fileName,
      dryRun: call.dryRun,
      runId: call.runId,
      onProgress: call.onProgress,
    }),
};
