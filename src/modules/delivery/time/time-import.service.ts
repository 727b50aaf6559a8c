import { recomputeForecasts } from '../projects/forecast.service.ts';
import { todayUtc } from '../projects/project.service.ts';
import type { Kysely } from 'kysely';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { BatchOutcome, ImportReport, RowError } from '../../../platform/imports/import-run.ts';
import { runImport } from '../../../platform/imports/import.service.ts';
import type { Importer } from '../../../platform/imports/importer.ts';
import { mapCsvRows } from '../../../platform/imports/map-rows.ts';
import { openCsv } from '../../../platform/imports/source.ts';
import { resolveDeliveryColumns } from '../resources/csv-columns.ts';
import type { DeliveryImportInput, DeliveryImportResult } from '../resources/resource-import.service.ts';
import * as people from '../resources/resource.store.ts';
import { selectProjectsByNameOrId, selectTasksByKeyOrName } from './project-ref.store.ts';
import { REQUIRED_TIME_COLUMNS, TIME_COLUMNS, type TimeImportRecord, timeRowMapper } from './time-import.ts';
import { checkEntryInScope, createTimeEntry, toEntry } from './time-entry.service.ts';
import { findEntryByExternalId, updateEntryRow } from './time-entry.store.ts';

/** The service's field names as a timesheet file names its columns. */
const COLUMN_OF: Record<string, string> = {
  projectId: 'project',
  resourceId: 'person',
  taskId: 'task',
  hours: 'hours',
  date: 'date',
};

const one = <T>(rows: T[], row: number, field: string, what: string, ref: string): T | RowError =>
  rows.length === 1
    ? (rows[0] as T)
    : {
        row,
        field,
        reason: rows.length
          ? `${rows.length} ${what}s match "${ref}": use the id (or email) instead`
          : `no ${what} "${ref}" in view`,
      };

const isError = (v: unknown): v is RowError => typeof v === 'object' && v !== null && 'reason' in v;

/** The ids a row's names point at (person by email or name, project by id or name, task by key or name). */
async function resolve(
  db: Db,
  scope: Scope,
  r: TimeImportRecord,
  row: number,
): Promise<{ projectId: string; resourceId: string; taskId: string | null } | RowError> {
  const byEmail = r.person.includes('@')
    ? await people.selectResourcesByEmail(db, scope.workspaceId, r.person)
    : await people.selectResourcesByName(db, scope.workspaceId, r.person);
  const person = one(
    byEmail.filter((p) => !scope.partnerId || p.partner_id === scope.partnerId),
    row,
    'person',
    'person',
    r.person,
  );
  if (isError(person)) return person;
  const project = one(await selectProjectsByNameOrId(db, scope, r.project), row, 'project', 'project', r.project);
  if (isError(project)) return project;
  if (!r.task) return { projectId: project.id, resourceId: person.id, taskId: null };
  const task = one(
    await selectTasksByKeyOrName(db, scope.workspaceId, project.id, r.task),
    row,
    'task',
    'task of this project',
    r.task,
  );
  if (isError(task)) return task;
  return { projectId: project.id, resourceId: person.id, taskId: task.id };
}

/** Applies one batch: rows with an external id already imported are compared and updated or left alone. */
export async function applyTimeBatch(
  db: Db,
  actor: Actor,
  scope: Scope,
  batch: Array<{ row: number; record: TimeImportRecord }>,
): Promise<BatchOutcome> {
  const out: BatchOutcome = { created: 0, updated: 0, unchanged: 0, errors: [] };
  for (const { row, record } of batch) {
    const ids = await resolve(db, scope, record, row);
    if (isError(ids)) {
      out.errors.push(ids);
      continue;
    }
    const entry = {
      ...ids,
      date: record.date,
      hours: record.hours,
      billable: record.billable,
      rework: record.rework,
      note: record.note,
    };
    try {
      const existing = record.externalId
        ? await findEntryByExternalId(db, scope.workspaceId, record.externalId)
        : undefined;
      if (!existing) {
        await createTimeEntry(db, actor, scope, entry, 'import', record.externalId);
        out.created += 1;
        continue;
      }
      const was = toEntry(existing);
      const same =
        was.projectId === entry.projectId &&
        was.resourceId === entry.resourceId &&
        was.taskId === entry.taskId &&
        was.date === entry.date &&
        was.hours === entry.hours &&
        was.billable === entry.billable &&
        was.rework === entry.rework &&
        was.note === entry.note;
      if (same) {
        out.unchanged += 1;
        continue;
      }
      await checkEntryInScope(db, scope, entry, existing.id, '');
      await updateEntryRow(db, scope.workspaceId, existing.id, {
        project_id: entry.projectId,
        resource_id: entry.resourceId,
        task_id: entry.taskId,
        on_date: entry.date,
        hours: entry.hours,
        billable: entry.billable ? 1 : 0,
        rework: entry.rework ? 1 : 0,
        note: entry.note,
      });
      out.updated += 1;
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'validation' && error.code !== 'conflict')) throw error;
      const fields = error.fieldErrors.length ? error.fieldErrors : [{ field: 'row', message: error.message }];
      for (const f of fields)
        out.errors.push({ row, field: COLUMN_OF[f.field.split('.').pop() ?? ''] ?? f.field, reason: f.message });
    }
  }
  return out;
}

/**
 * Imports time entries from a CSV (date, person, project, task, hours, billable, rework, note, external_id).
 * Each row keeps the same rules as time logged by hand; a row that breaks one is rejected with its reason and
 * nothing of it is saved. Rows with an external id are imported once: re-running the file changes nothing.
 */
export async function importTimeEntries(
  db: Kysely<Database>,
  scope: Scope,
  input: DeliveryImportInput,
): Promise<DeliveryImportResult> {
  const { reader, headers } = await openCsv(input.input);
  let report: ImportReport & { runId: string };
  const notes: string[] = [];
  try {
    if (headers.length === 0)
      throw AppError.validation(
        'file',
        'no header line could be read: the file is empty or its first line is malformed',
      );
    const columns = resolveDeliveryColumns(headers, TIME_COLUMNS);
    const missing = REQUIRED_TIME_COLUMNS.filter((c) => !columns.has(c));
    if (missing.length)
      throw AppError.validation(
        'file',
        `the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} (found: ${headers.join(', ')})`,
      );
    if (!columns.has('external_id'))
      notes.push('the file has no external_id column: importing it again would log its hours twice');
    report = await runImport(db, {
      workspaceId: scope.workspaceId,
      kind: 'time-entries',
      format: 'baton-timesheet',
      fileName: input.fileName,
      actor: input.actor,
      dryRun: input.dryRun,
      runId: input.runId,
      onProgress: input.onProgress,
      rows: mapCsvRows(reader, timeRowMapper(headers), new Map()),
      applyBatch: (trx, batch) => applyTimeBatch(trx, input.actor, scope, batch),
      audit: { action: 'time_entry.import' },
      notes: () => notes,
    });
  } finally {
    await reader.close().catch(() => {});
  }
  // Logged hours burned task estimates down row by row; the forecast follows once, for the whole file.
  if (!input.dryRun && report.created + report.updated > 0) {
    await db
      .transaction()
      .execute((trx) => recomputeForecasts(trx, scope.workspaceId, { today: todayUtc(), actor: input.actor }));
  }
  return { ...report, kind: 'time-entries', format: 'baton-timesheet', dryRun: Boolean(input.dryRun), notes };
}

/** Timesheets behind the one `Importer` face (`baton import time`, `/api/v1/imports/time-entries`). */
export const timeImporter: Importer = {
  kind: 'time-entries',
  label: 'Time entries',
  aliases: ['time'],
  description:
    'Import time entries from a CSV; each row keeps the rules of time logged by hand, and rows with an external_id are imported once.',
  access: 'time:write',
  takes: [],
  formats: ['baton-timesheet'],
  fields: [
    { name: 'date', required: true, description: 'YYYY-MM-DD' },
    { name: 'person', required: true, description: 'email or exact name' },
    { name: 'project', required: true, description: 'project id or name' },
    { name: 'hours', required: true, description: 'above 0, at most 24 a person a day' },
    { name: 'task', required: false, description: 'task key or name, of that project' },
    { name: 'billable', required: false, description: 'true/false (true when blank)' },
    { name: 'rework', required: false, description: 'true/false' },
    { name: 'note', required: false, description: 'free text' },
    {
      name: 'external_id',
      required: false,
      description: 'your own id for the row: re-running the file then changes nothing',
    },
  ],
  aliasFields: [],
  defaultFields: [],
  examples: ['baton import time timesheet-2026-11.csv --workspace acme --dry-run'],
  api: {
    summary: 'Import time entries from a CSV (date, person, project, task, hours, billable, rework, note, external_id)',
    description:
      'People by email or name, projects by id or name, tasks by key or name. Each row keeps the rules of time logged by hand; rows with an external_id are imported once.',
  },
  run: (db, call) =>
    importTimeEntries(
      db,
      { workspaceId: call.workspaceId, partnerId: call.partnerId ?? null },
      {
        workspaceId: call.workspaceId,
        actor: call.actor,
        input: call.input,
        fileName: call.fileName,
        dryRun: call.dryRun,
        runId: call.runId,
        onProgress: call.onProgress,
      },
    ),
};
