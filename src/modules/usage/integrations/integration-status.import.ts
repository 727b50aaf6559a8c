/**
 * Integration-status CSV import (API and CLI): columns account, integration, status, detail, occurred_at.
 * Read in batches of 2,000 rows that each commit whole; a bad row (unknown account, bad status, bad time) is
 * reported with its row number and field and stores nothing, the good rows are stored.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { addErrors, emptyReport, type ImportReport, type RowError } from '../../../platform/imports/import-run.ts';
import { type CsvInput, openCsv } from '../../../platform/imports/source.ts';
import { readStatusRow, type StatusReport } from './integration-status.ts';
import { resolveReports, storeReports } from './integration-status.service.ts';

export const INTEGRATION_STATUS_COLUMNS = ['account', 'integration', 'status', 'detail', 'occurred_at'] as const;
const REQUIRED = ['account', 'integration', 'status', 'occurred_at'];
const BATCH = 2_000;

/** Header names as the file spells them, normalised: `Occurred At`, `occurredAt` → `occurred_at`. */
const normal = (header: string) => header.trim().replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().replace(/[\s-]+/g, '_');

export interface StatusImportResult extends ImportReport {
  dryRun: boolean;
}

export async function importIntegrationStatus(db: Kysely<Database>, input: { workspaceId: string; csv: CsvInput; dryRun?: boolean }): Promise<StatusImportResult> {
  const { reader, headers } = await openCsv(input.csv);
  const report = emptyReport();
  try {
    const names = new Map(headers.map((h) => [h, normal(h)]));
    const missing = REQUIRED.filter((c) => ![...names.values()].includes(c));
    if (headers.length === 0) throw AppError.validation('file', 'no header line could be read: the file is empty or its first line is malformed');
    if (missing.length) throw AppError.validation('file', `the header has no column ${missing.join(', ')} (columns: ${INTEGRATION_STATUS_COLUMNS.join(', ')})`);
    let batch: Array<{ row: number; report: Parameters<typeof toInput>[0] }> = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      const stored = await db.transaction().execute(async (trx) => {
        const { reports, errors } = await resolveReports(trx, input.workspaceId, rows.map((r) => toInput(r.report)), (i, name) => `${rows[i]?.row}\u0000${name === 'occurredAt' ? 'occurred_at' : name}`);
        const rowErrors: RowError[] = errors.map((e) => {
          const [row, field] = e.field.split('\u0000');
          return { row: Number(row), field: field as string, reason: e.message };
        });
        addErrors(report, rowErrors);
        report.rejected += new Set(rowErrors.map((e) => e.row)).size;
        const good = reports.filter((r): r is StatusReport => r !== null);
        if (!input.dryRun) await storeReports(trx, input.workspaceId, good);
        return good.length;
      });
      report.created += stored;
    };
    for await (const item of reader) {
      report.read += 1;
      if ('error' in item) {
        report.rejected += 1;
        addErrors(report, [{ row: item.row, field: 'file', reason: item.error }]);
        continue;
      }
      const values: Record<string, string> = {};
      for (const [header, value] of Object.entries(item.values)) values[names.get(header) ?? normal(header)] = value;
      const mapped = readStatusRow(values, item.row);
      if (!mapped.ok) {
        report.rejected += 1;
        addErrors(report, mapped.errors);
        continue;
      }
      batch.push({ row: item.row, report: mapped.report });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } finally {
    await reader.close().catch(() => {});
  }
  report.errors.sort((a, b) => a.row - b.row);
  return { ...report, dryRun: input.dryRun ?? false };
}

const toInput = (r: Omit<StatusReport, 'accountId'> & { account: string }) => ({ account: r.account, integration: r.integration, status: r.status, detail: r.detail, occurredAt: r.occurredAt });
