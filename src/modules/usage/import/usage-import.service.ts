/**
 * `baton import usage`: a daily usage table streamed into the rollups (usage_daily_account_feature, and
 * usage_daily_account_user when rows name a user), in batches of 2,000 rows of one transaction each, with a
 * row-level report. Re-running the same file changes nothing; a dry run writes nothing.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import type { ImportReport } from '../../../platform/imports/import-run.ts';
import { runImport } from '../../../platform/imports/import.service.ts';
import { mapCsvRows, skipNotes } from '../../../platform/imports/map-rows.ts';
import type { ColumnMapping } from '../../../platform/imports/profile.ts';
import { type CsvInput, openCsv } from '../../../platform/imports/source.ts';
import { accountResolver, readJoinFile } from './account-refs.ts';
import { applyUsageBatch } from './usage-import.batch.ts';
import { usageHeaderProblems, usageProfile, usageRowMapper } from './usage-rows.ts';

export interface UsageImportInput {
  workspaceId: string;
  actor: Actor;
  input: CsvInput;
  fileName: string | null;
  /** Column → field (see USAGE_FIELDS); the usual column names are read without one. */
  mapping?: ColumnMapping;
  /** Where the rows come from: row ids are unique per source (`csv` by default). */
  source?: string;
  /** subscription_id → account_id, for tables that name subscriptions. */
  subscriptions?: CsvInput;
  /** account_id → account_name of the source, for accounts Baton knows by name only. */
  accounts?: CsvInput;
  dryRun?: boolean;
  runId?: string;
  onProgress?: (report: ImportReport) => void;
}

export interface RecordsImportResult extends ImportReport {
  runId: string;
  kind: 'usage' | 'seats' | 'integration_status';
  format: string;
  dryRun: boolean;
  notes: string[];
}

/** Stops the import before any row when the mapping or the header cannot work, naming each problem. */
export function assertNoProblems(problems: readonly string[], option = 'mapping'): void {
  if (problems.length === 0) return;
  throw new AppError('validation', problems.join('; '), {
    fieldErrors: problems.map((message) => ({ field: option, message })),
  });
}

export async function importUsage(db: Kysely<Database>, input: UsageImportInput): Promise<RecordsImportResult> {
  const source = input.source ?? 'csv';
  const subscriptions = input.subscriptions
    ? await readJoinFile(
        input.subscriptions,
        'subscriptions',
        ['subscription_id', 'subscription'],
        ['account_id', 'account'],
      )
    : undefined;
  const aliases = input.accounts
    ? await readJoinFile(input.accounts, 'accounts', ['account_id', 'id'], ['account_name', 'name'])
    : undefined;
  const { reader, headers } = await openCsv(input.input);
  const skips = new Map<string, number>();
  const runId = input.runId ?? newId();
  const format = input.mapping ? 'mapped' : 'usage';
  let report: ImportReport & { runId: string };
  try {
    assertNoProblems(usageHeaderProblems(input.mapping, headers, Boolean(subscriptions)));
    const ctx = {
      workspaceId: input.workspaceId,
      source,
      runId,
      accounts: await accountResolver(db, input.workspaceId, aliases),
      subscriptions,
      seenInDryRun: input.dryRun ? new Set<string>() : undefined,
    };
    report = await runImport(db, {
      workspaceId: input.workspaceId,
      kind: 'usage',
      format,
      fileName: input.fileName,
      actor: input.actor,
      dryRun: input.dryRun,
      runId,
      rows: mapCsvRows(reader, usageRowMapper(usageProfile(input.mapping, source)), skips),
      applyBatch: (trx, batch) => applyUsageBatch(trx, ctx, batch),
      onProgress: input.onProgress,
      audit: { action: 'usage.import', details: { source } },
      notes: () => skipNotes(skips),
    });
  } finally {
    await reader.close().catch(() => {});
  }
  const notes = skipNotes(skips);
  return { ...report, kind: 'usage', format, dryRun: Boolean(input.dryRun), notes };
}
