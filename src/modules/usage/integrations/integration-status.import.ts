/**
 * Integration-status CSV import (API, web page and CLI): columns account, integration, status, detail,
 * occurred_at. Run as every import runs: batches of 2,000 rows that each commit whole, a bad row (unknown
 * account, bad status, bad time) reported with its row number and field and storing nothing, and the run kept
 * in the import history with its report.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { BatchOutcome, ImportReport } from '../../../platform/imports/import-run.ts';
import { runImport } from '../../../platform/imports/import.service.ts';
import { mapCsvRows } from '../../../platform/imports/map-rows.ts';
import { type CsvInput, openCsv } from '../../../platform/imports/source.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { RecordsImportResult } from '../import/usage-import.service.ts';
import { readStatusRow, type StatusReport } from './integration-status.ts';
import { type ReportInput, resolveReports, storeReports } from './integration-status.service.ts';

export const INTEGRATION_STATUS_COLUMNS = ['account', 'integration', 'status', 'detail', 'occurred_at'] as const;
const REQUIRED = ['account', 'integration', 'status', 'occurred_at'];

/** Header names as the file spells them, normalised: `Occurred At`, `occurredAt` → `occurred_at`. */
const normal = (header: string) => header.trim().replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().replace(/[\s-]+/g, '_');

export interface StatusImportInput {
  workspaceId: string;
  actor: Actor;
  csv: CsvInput;
  fileName: string | null;
  dryRun?: boolean;
  /** The run's id, chosen by an API client to follow the run while the file uploads. */
  runId?: string;
}

/** Resolves one batch's accounts and stores the reports that resolve; the others come back as row errors. */
async function applyStatusBatch(db: Db, workspaceId: string, batch: Array<{ row: number; record: ReportInput }>): Promise<BatchOutcome> {
  const { reports, problems } = await resolveReports(db, workspaceId, batch.map((b) => b.record));
  const good = reports.filter((r): r is StatusReport => r !== null);
  await storeReports(db, workspaceId, good);
  const errors = problems.map((p) => ({ row: batch[p.index]?.row as number, field: p.field === 'occurredAt' ? 'occurred_at' : p.field, reason: p.message }));
  return { created: good.length, updated: 0, unchanged: 0, errors };
}

export async function importIntegrationStatus(db: Kysely<Database>, input: StatusImportInput): Promise<RecordsImportResult> {
  const { reader, headers } = await openCsv(input.csv);
  let report: ImportReport & { runId: string };
  try {
    const names = new Map(headers.map((h) => [h, normal(h)]));
    const missing = REQUIRED.filter((c) => ![...names.values()].includes(c));
    if (headers.length === 0) throw AppError.validation('file', 'no header line could be read: the file is empty or its first line is malformed');
    if (missing.length) throw AppError.validation('file', `the header has no column ${missing.join(', ')} (columns: ${INTEGRATION_STATUS_COLUMNS.join(', ')})`);
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
      applyBatch: (trx, batch) => applyStatusBatch(trx, input.workspaceId, batch),
      audit: { action: 'usage.integration_status_import' },
    });
  } finally {
    await reader.close().catch(() => {});
  }
  return { ...report, kind: 'integration_status', format: 'integration_status', dryRun: Boolean(input.dryRun), notes: [] };
}
