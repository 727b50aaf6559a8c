import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { listMembers } from '../../../platform/identity/member.service.ts';
import { listPartners } from '../../../platform/identity/workspace.service.ts';
import type { BatchOutcome, ImportReport } from '../../../platform/imports/import-run.ts';
import { runImport } from '../../../platform/imports/import.service.ts';
import type { Importer } from '../../../platform/imports/importer.ts';
import { mapCsvRows } from '../../../platform/imports/map-rows.ts';
import { type CsvInput, openCsv } from '../../../platform/imports/source.ts';
import { resolveDeliveryColumns } from './csv-columns.ts';
import { DEFAULT_WORKING_DAYS } from './resource.ts';
import { knownRolesOf } from './resource-roles.service.ts';
import {
  REQUIRED_RESOURCE_COLUMNS,
  RESOURCE_COLUMNS,
  type ResourceImportRecord,
  resourceRowMapper,
} from './resource-import.ts';
import * as store from './resource.store.ts';
import type { DeliveryResourceTable } from './resource.table.ts';

/** What a delivery import answers: its report, as every import does. */
export interface DeliveryImportResult extends ImportReport {
  runId: string;
  kind: string;
  format: string;
  dryRun: boolean;
  notes: string[];
}

export interface DeliveryImportInput {
  workspaceId: string;
  actor: Actor;
  input: CsvInput;
  fileName: string | null;
  dryRun?: boolean;
  runId?: string;
  onProgress?: (report: ImportReport) => void;
}

/** The person a row names: by email when it has one, else by exact name; several of that name is refused. */
async function match(
  db: Db,
  workspaceId: string,
  r: ResourceImportRecord,
): Promise<store.ResourceRow | null | 'ambiguous'> {
  if (r.email) {
    const byEmail = await store.selectResourcesByEmail(db, workspaceId, r.email);
    if (byEmail[0]) return byEmail[0];
  }
  const byName = (await store.selectResourcesByName(db, workspaceId, r.name)).filter((p) => !r.email || !p.email);
  if (byName.length > 1) return 'ambiguous';
  return byName[0] ?? null;
}

/** The columns a row sets: those it gives; a new person takes the defaults for the rest. */
function columnsOf(r: ResourceImportRecord): Partial<DeliveryResourceTable> {
  const set: Partial<DeliveryResourceTable> = { name: r.name, role: r.role };
  if (r.email) set.email = r.email;
  if (r.skills) set.skills = JSON.stringify(r.skills);
  if (r.weeklyCapacityHours !== undefined) set.weekly_capacity_hours = r.weeklyCapacityHours;
  if (r.workingDays) set.working_days = JSON.stringify(r.workingDays);
  if (r.costRate !== undefined) set.cost_rate = r.costRate;
  if (r.billRate !== undefined) set.bill_rate = r.billRate;
  if (r.partnerId !== undefined) set.partner_id = r.partnerId;
  if (r.active !== undefined) set.active = r.active ? 1 : 0;
  if (r.userId !== undefined) set.user_id = r.userId;
  return set;
}

const differs = (row: store.ResourceRow, set: Partial<DeliveryResourceTable>) =>
  (Object.keys(set) as Array<keyof DeliveryResourceTable>).some((k) =>
    typeof row[k] === 'number' || typeof set[k] === 'number' ? Number(row[k]) !== Number(set[k]) : row[k] !== set[k],
  );

/** Applies one batch of people: creates, updates what changed, leaves equal rows alone. */
export async function applyResourceBatch(
  db: Db,
  workspaceId: string,
  batch: Array<{ row: number; record: ResourceImportRecord }>,
): Promise<BatchOutcome> {
  const out: BatchOutcome = { created: 0, updated: 0, unchanged: 0, errors: [] };
  for (const { row, record } of batch) {
    const found = await match(db, workspaceId, record);
    if (found === 'ambiguous') {
      out.errors.push({
        row,
        field: 'name',
        reason: `several people are named ${record.name}: give their email to say which`,
      });
      continue;
    }
    const set = columnsOf(record);
    const now = nowIso();
    if (!found) {
      if (record.weeklyCapacityHours === undefined) {
        out.errors.push({ row, field: 'weekly_capacity_hours', reason: 'is required for a new person' });
        continue;
      }
      const base = {
        skills: '[]',
        working_days: JSON.stringify(DEFAULT_WORKING_DAYS),
        cost_rate: 0,
        bill_rate: 0,
        email: null,
        user_id: null,
        partner_id: null,
        active: 1,
      };
      await store.insertResource(db, {
        ...base,
        ...set,
        id: newId(),
        workspace_id: workspaceId,
        created_at: now,
        updated_at: now,
      } as DeliveryResourceTable);
      out.created += 1;
    } else if (differs(found, set)) {
      await store.updateResourceRow(db, workspaceId, found.id, { ...set, updated_at: now });
      out.updated += 1;
    } else out.unchanged += 1;
  }
  return out;
}

/**
 * Imports people and their capacity from a CSV: a row per person, matched by email else name, so importing
 * the same file again changes nothing. A row with an unknown role (or any bad value) is rejected whole with
 * its reasons; the other rows go in. A dry run writes nothing.
 */
export async function importResources(db: Kysely<Database>, input: DeliveryImportInput): Promise<DeliveryImportResult> {
  const { reader, headers } = await openCsv(input.input);
  let report: ImportReport & { runId: string };
  try {
    const columns = resolveDeliveryColumns(headers, RESOURCE_COLUMNS);
    const missing = REQUIRED_RESOURCE_COLUMNS.filter((c) => !columns.has(c));
    if (headers.length === 0)
      throw AppError.validation(
        'file',
        'no header line could be read: the file is empty or its first line is malformed',
      );
    if (missing.length)
      throw AppError.validation(
        'file',
        `the header has no ${missing.join(' or ')} column (found: ${headers.join(', ')})`,
      );
    const lookups = {
      roles: await knownRolesOf(db, input.workspaceId),
      partners: new Map((await listPartners(db, input.workspaceId)).map((p) => [p.name.toLowerCase(), p.id])),
      members: new Map((await listMembers(db, input.workspaceId)).map((m) => [m.email.toLowerCase(), m.id])),
    };
    report = await runImport(db, {
      workspaceId: input.workspaceId,
      kind: 'resources',
      format: 'baton-people',
      fileName: input.fileName,
      actor: input.actor,
      dryRun: input.dryRun,
      runId: input.runId,
      onProgress: input.onProgress,
      rows: mapCsvRows(reader, resourceRowMapper(headers, lookups), new Map()),
      applyBatch: (trx, batch) => applyResourceBatch(trx, input.workspaceId, batch),
      audit: { action: 'resource.import' },
    });
  } finally {
    await reader.close().catch(() => {});
  }
  return { ...report, kind: 'resources', format: 'baton-people', dryRun: Boolean(input.dryRun), notes: [] };
}

/** People and their capacity behind the one `Importer` face (`baton import resources`, `/api/v1/imports/resources`). */
export const resourceImporter: Importer = {
  kind: 'resources',
  label: 'People',
  description:
    'Import people who deliver and their capacity from a CSV. Matched by email, else exact name: re-running it changes nothing. Header names are matched loosely: "Weekly capacity" reads as weekly_capacity_hours.',
  access: 'resources:write',
  takes: [],
  formats: ['baton-people'],
  fields: [
    { name: 'name', required: true, description: "the person's name" },
    {
      name: 'role',
      required: true,
      description: 'a delivery role of the workspace (defaults plus Settings → delivery roles)',
    },
    { name: 'email', required: false, description: 'identifies the person on re-runs (else the exact name)' },
    { name: 'weekly_capacity_hours', required: false, description: '0–80; required for a new person' },
    { name: 'working_days', required: false, description: '1;2;3;4;5 or Mon-Fri (Monday–Friday when left out)' },
    { name: 'skills', required: false, description: 'separated by ;' },
    { name: 'cost_rate', required: false, description: 'per hour' },
    { name: 'bill_rate', required: false, description: 'per hour' },
    { name: 'partner', required: false, description: "the partner firm's name; blank: own staff" },
    { name: 'active', required: false, description: 'true/false' },
    { name: 'user', required: false, description: 'the email of the workspace member this person signs in as' },
  ],
  aliasFields: [],
  defaultFields: [],
  examples: [
    'baton import resources people.csv --workspace acme --dry-run',
    'baton import resources people.csv --workspace acme --json',
  ],
  api: {
    summary:
      'Import people and their capacity from a CSV (name, email, role, skills, weekly_capacity_hours, working_days, cost_rate, bill_rate, partner, active, user)',
    description:
      'Matched by email, else by exact name: re-importing the same file changes nothing. A row with an unknown role is rejected with the known ones.',
  },
  run: (db, call) =>
    importResources(db, {
      workspaceId: call.workspaceId,
      actor: call.actor,
      input: call.input,
      fileName: call.fileName,
      dryRun: call.dryRun,
      runId: call.runId,
      onProgress: call.onProgress,
    }),
};
