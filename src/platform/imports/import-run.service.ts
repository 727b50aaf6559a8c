import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { type ImportRunView, type RowError, runStatus } from './import-run.ts';
import * as store from './import-run.store.ts';

export const toImportRun = (r: store.ImportRunRow, now = Date.now()): ImportRunView => ({
  id: r.id,
  kind: r.kind,
  format: r.format,
  fileName: r.file_name,
  status: runStatus(r, now),
  dryRun: r.dry_run === 1,
  read: r.read,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected,
  skipped: r.skipped,
  errors: JSON.parse(r.errors) as RowError[],
  notes: r.notes ? (JSON.parse(r.notes) as string[]) : [],
  actor: r.actor_label,
  startedAt: r.started_at,
  heartbeatAt: r.heartbeat_at,
  finishedAt: r.finished_at,
});

export async function getImportRun(db: Db, workspaceId: string, id: string): Promise<ImportRunView> {
  const row = await store.findImportRun(db, workspaceId, id);
  if (!row) throw AppError.notFound('import run');
  return toImportRun(row);
}

const isKey = (v: unknown): v is { startedAt: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { id?: unknown }).id === 'string' &&
  typeof (v as { startedAt?: unknown }).startedAt === 'string';

/** A workspace's import runs, newest first (the import page's history). */
export async function listImportRuns(
  db: Db,
  workspaceId: string,
  opts: { limit: number; cursor?: string; kind?: string },
): Promise<{ items: ImportRunView[]; nextCursor: string | null }> {
  const before = decodeCursor(opts.cursor, isKey);
  const rows = await store.selectImportRuns(db, workspaceId, { kind: opts.kind, before, limit: opts.limit + 1 });
  const now = Date.now();
  const items = rows.slice(0, opts.limit).map((r) => toImportRun(r, now));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > opts.limit && last ? encodeCursor({ startedAt: last.startedAt, id: last.id }) : null,
  };
}
