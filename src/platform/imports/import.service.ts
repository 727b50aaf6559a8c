import type { Kysely } from 'kysely';
import type { Actor } from '../auth/principal.ts';
import type { Database } from '../db/schema.ts';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../errors/app-error.ts';
import { newId, nowIso } from '../ids.ts';
import {
  addErrors,
  type BatchOutcome,
  emptyReport,
  HEARTBEAT_MS,
  type ImportReport,
  type MappedRow,
} from './import-run.ts';

export interface ImportOptions<R> {
  workspaceId: string;
  kind: string;
  format: string;
  fileName: string | null;
  actor: Actor;
  /** Check everything and count what would change, writing nothing. */
  dryRun?: boolean;
  batchSize?: number;
  /** The run's id, when the caller chose it beforehand (a page polling the run's progress); new otherwise. */
  runId?: string;
  /**
   * The audit entry of a run that wrote (not a dry run): its action (`deal.import` …) and what it records besides
   * the file, the format and the counts.
   */
  audit: { action: string; details?: Record<string, unknown> | (() => Record<string, unknown>) };
  rows: AsyncIterable<MappedRow<R>>;
  /** Writes one batch; runs inside the batch's transaction. Must be idempotent per record. */
  applyBatch: (trx: Db, batch: Array<{ row: number; record: R }>) => Promise<BatchOutcome>;
  onProgress?: (report: ImportReport) => void;
  /**
   * What the user should know besides the row errors (a proven date order, skip reasons, unmapped stages), read once
   * the rows are done and kept with the run, so the history shows the notes the report gave.
   */
  notes?: () => readonly string[];
}

class DryRunRollback extends Error {}

const countsOf = ({ read, created, updated, unchanged, rejected, skipped }: ImportReport) => ({
  read,
  created,
  updated,
  unchanged,
  rejected,
  skipped,
});

const detailsOf = ({ details }: ImportOptions<unknown>['audit']) =>
  typeof details === 'function' ? details() : details;

/**
 * Runs an import: mapped rows stream in, are applied in batches (2,000 rows) of one transaction each (a batch commits
 * or rolls back whole; a bad row is rejected before it is written and never half-written), and the run
 * is recorded with its report. Memory stays flat: only one batch and the capped error list are held.
 */
export async function runImport<R>(
  db: Kysely<Database>,
  opts: ImportOptions<R>,
): Promise<ImportReport & { runId: string }> {
  const report = emptyReport();
  const runId = opts.runId ?? newId();
  const size = opts.batchSize ?? 2000;
  if (opts.runId && (await db.selectFrom('import_runs').select('id').where('id', '=', opts.runId).executeTakeFirst())) {
    throw new AppError(
      'conflict',
      `an import run with id ${opts.runId} already exists: choose a new id for each import`,
    );
  }
  const started = nowIso();
  await db
    .insertInto('import_runs')
    .values({
      id: runId,
      workspace_id: opts.workspaceId,
      kind: opts.kind,
      format: opts.format,
      file_name: opts.fileName,
      status: 'running',
      dry_run: opts.dryRun ? 1 : 0,
      errors: '[]',
      actor_label: opts.actor.label,
      started_at: started,
      heartbeat_at: started,
    })
    .execute();

  // Between batches too (a slow source, a long batch), so that a live run is never taken for an interrupted one.
  const heartbeat = setInterval(() => {
    db.updateTable('import_runs')
      .set({ heartbeat_at: nowIso() })
      .where('id', '=', runId)
      .execute()
      .catch(() => {
        // A missed beat is not an error of the import; the next one or the next batch's progress makes up for it.
      });
  }, HEARTBEAT_MS);
  heartbeat.unref();

  /** Rows read so far and what they did, visible to `GET /api/v1/imports/:id` while the run goes on. */
  const saveProgress = () =>
    db
      .updateTable('import_runs')
      .set({ ...countsOf(report), heartbeat_at: nowIso() })
      .where('id', '=', runId)
      .execute();

  let batch: Array<{ row: number; record: R }> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    let outcome: BatchOutcome | undefined;
    try {
      await db.transaction().execute(async (trx) => {
        outcome = await opts.applyBatch(trx, current);
        if (opts.dryRun) throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
    if (!outcome) return;
    report.created += outcome.created;
    report.updated += outcome.updated;
    report.unchanged += outcome.unchanged;
    report.rejected += outcome.errors.length ? new Set(outcome.errors.map((e) => e.row)).size : 0;
    addErrors(report, outcome.errors);
    await saveProgress();
    opts.onProgress?.(report);
  };

  let status = 'succeeded';
  let notes: readonly string[] = [];
  try {
    for await (const mapped of opts.rows) {
      report.read += 1;
      if (mapped.ok) {
        batch.push(mapped); // it is { row, record } already: no copy per row
        if (batch.length >= size) await flush();
      } else if (mapped.skipped) {
        report.skipped += 1;
      } else {
        report.rejected += 1;
        addErrors(report, mapped.errors);
      }
      if (report.read % size === 0 && batch.length < size) {
        await saveProgress();
        if (batch.length > 0) opts.onProgress?.(report);
      }
    }
    await flush();
    // Rows refused while mapping and rows a batch refused, reported in the file's order.
    report.errors.sort((a, b) => a.row - b.row);
    notes = opts.notes?.() ?? [];
  } catch (err) {
    status = 'failed';
    throw err;
  } finally {
    clearInterval(heartbeat);
    await db
      .updateTable('import_runs')
      .set({
        status,
        ...countsOf(report),
        errors: JSON.stringify(report.errors.slice(0, 1000)),
        ...(notes.length ? { notes: JSON.stringify(notes) } : {}),
        finished_at: nowIso(),
      })
      .where('id', '=', runId)
      .execute();
  }
  if (!opts.dryRun) {
    await recordAudit(db, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: opts.audit.action,
      entityType: 'import_run',
      entityId: runId,
      after: { file: opts.fileName, format: opts.format, ...detailsOf(opts.audit), ...countsOf(report) },
    });
  }
  return { ...report, runId };
}
