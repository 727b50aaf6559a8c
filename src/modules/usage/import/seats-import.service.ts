/**
 * `baton import seats`: licensed seats per account from a CSV, in batches of one transaction each, with a
 * row-level report (unknown account, bad number). Re-running it changes nothing; a dry run writes nothing.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { nowIso } from '../../../platform/ids.ts';
import type { BatchOutcome, ImportReport, RowError } from '../../../platform/imports/import-run.ts';
import { runImport } from '../../../platform/imports/import.service.ts';
import { mapCsvRows, skipNotes } from '../../../platform/imports/map-rows.ts';
import type { ColumnMapping } from '../../../platform/imports/profile.ts';
import { type CsvInput, openCsv } from '../../../platform/imports/source.ts';
import { findSeats, upsertSeats } from '../adoption/rollup.store.ts';
import { type AccountResolver, accountResolver } from './account-refs.ts';
import { type SeatsRecord, seatsHeaderProblems, seatsProfile, seatsRowMapper } from './seats-import.ts';
import { assertNoProblems, type RecordsImportResult } from './usage-import.service.ts';

export interface SeatsImportInput {
  workspaceId: string;
  actor: Actor;
  input: CsvInput;
  fileName: string | null;
  mapping?: ColumnMapping;
  dryRun?: boolean;
  /** The run's id, chosen by an API client to follow the run while the file uploads. */
  runId?: string;
  onProgress?: (report: ImportReport) => void;
}

async function applySeatsBatch(
  db: Db,
  workspaceId: string,
  accounts: AccountResolver,
  batch: Array<{ row: number; record: SeatsRecord }>,
): Promise<BatchOutcome> {
  const found = await accounts.resolve(
    db,
    batch.map((b) => b.record.account),
  );
  const errors: RowError[] = [];
  const outcome = { created: 0, updated: 0, unchanged: 0 };
  const at = nowIso();
  for (const { row, record } of batch) {
    const accountId = found.get(record.account);
    if (!accountId) {
      errors.push({
        row,
        field: 'account',
        reason: `no account matches "${record.account}" (by Baton id, CRM id, domain or name): import the accounts first`,
      });
      continue;
    }
    const before = await findSeats(db, workspaceId, accountId);
    if (before && Number(before.seats) === record.seats) {
      outcome.unchanged += 1;
      continue;
    }
    await upsertSeats(db, { workspace_id: workspaceId, account_id: accountId, seats: record.seats, updated_at: at });
    outcome[before ? 'updated' : 'created'] += 1;
  }
  return { ...outcome, errors };
}

export async function importSeats(db: Kysely<Database>, input: SeatsImportInput): Promise<RecordsImportResult> {
  const { reader, headers } = await openCsv(input.input);
  const skips = new Map<string, number>();
  const format = input.mapping ? 'mapped' : 'seats';
  let report: ImportReport & { runId: string };
  try {
    assertNoProblems(seatsHeaderProblems(input.mapping, headers));
    const accounts = await accountResolver(db, input.workspaceId);
    report = await runImport(db, {
      workspaceId: input.workspaceId,
      kind: 'seats',
      format,
      fileName: input.fileName,
      actor: input.actor,
      dryRun: input.dryRun,
      runId: input.runId,
      rows: mapCsvRows(reader, seatsRowMapper(seatsProfile(input.mapping)), skips),
      applyBatch: (trx, batch) => applySeatsBatch(trx, input.workspaceId, accounts, batch),
      onProgress: input.onProgress,
      audit: { action: 'usage.seats_import' },
      notes: () => skipNotes(skips),
    });
  } finally {
    await reader.close().catch(() => {});
  }
  const notes = skipNotes(skips);
  return { ...report, kind: 'seats', format, dryRun: Boolean(input.dryRun), notes };
}
