/**
 * Changing playbooks: a new one from its file form, a new version of its definition (a saved definition is a new
 * immutable version; projects keep theirs), its name, selection rules or archiving. Each change is audited.
 */
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import type { PlaybookDefinition, PlaybookDetail, PlaybookFile } from './playbook.ts';
import { readDefinition, readPlaybookFile } from './playbook-file.ts';
import { deliveryRoles, findOr404, getPlaybook, ifMatchVersion, orThrow } from './playbook.service.ts';
import * as store from './playbook.store.ts';

/** Creates a playbook at version 1 from a file's content (already read), audited. */
export async function insertPlaybookFile(
  db: Db,
  actor: Actor,
  workspaceId: string,
  file: PlaybookFile,
  note: string | null,
): Promise<PlaybookDetail> {
  if (await store.findPlaybookByKey(db, workspaceId, file.key)) {
    throw new AppError(
      'conflict',
      `a playbook with the key ${file.key} already exists: import the file to save a new version of it`,
      {
        fieldErrors: [{ field: 'body.key', message: 'is taken in this workspace' }],
      },
    );
  }
  const now = nowIso();
  const row = {
    id: newId(),
    workspace_id: workspaceId,
    key: file.key,
    name: file.name.trim(),
    description: file.description?.trim() || null,
    products: JSON.stringify(file.products.map((p) => p.trim())),
    segments: JSON.stringify(file.segments.map((s) => s.trim())),
    priority: file.priority,
    current_version: 1,
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
  await store.insertPlaybook(db, row);
  await store.insertVersion(db, {
    id: newId(),
    workspace_id: workspaceId,
    playbook_id: row.id,
    version: 1,
    definition: JSON.stringify(file.definition),
    note,
    created_by_label: actor.label,
    created_at: now,
  });
  const created = await getPlaybook(db, workspaceId, row.id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'playbook.create',
    entityType: 'playbook',
    entityId: row.id,
    after: created,
  });
  return created;
}

/** Creates a playbook from its file form (JSON), checked whole: 400 naming each field, nothing saved. */
export async function createPlaybook(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: unknown,
  note: string | null = null,
): Promise<PlaybookDetail> {
  const file = orThrow(readPlaybookFile(input, { roles: await deliveryRoles(db, workspaceId) }));
  return insertPlaybookFile(db, actor, workspaceId, file, note);
}

/**
 * Saves a new, immutable version of a playbook's definition. With `ifMatch`, refuses (412) when someone saved
 * a version since it was read. Projects already running keep the version they started from.
 */
export async function savePlaybookVersion(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: { definition: unknown; note?: string | null },
  ifMatch?: string,
): Promise<PlaybookDetail> {
  const row = await findOr404(db, workspaceId, id);
  const from = Number(row.current_version);
  if (ifMatch !== undefined && ifMatchVersion(ifMatch) !== from) {
    throw new AppError(
      'precondition_failed',
      `someone saved version ${from} of this playbook since you opened it: reload it and apply your change again`,
    );
  }
  const definition = orThrow(readDefinition(input.definition, { roles: await deliveryRoles(db, workspaceId) }));
  return writeVersion(db, actor, workspaceId, row, definition, input.note?.trim() || null);
}

/** Writes the next version of a read definition, audited; 412 when another save took that number first. */
export async function writeVersion(
  db: Db,
  actor: Actor,
  workspaceId: string,
  row: store.PlaybookRow,
  definition: PlaybookDefinition,
  note: string | null,
): Promise<PlaybookDetail> {
  const before = await getPlaybook(db, workspaceId, row.id);
  const from = Number(row.current_version);
  const now = nowIso();
  if (!(await store.advanceVersion(db, workspaceId, row.id, from, now))) {
    throw new AppError(
      'precondition_failed',
      'someone saved a new version of this playbook at the same time: reload it and apply your change again',
    );
  }
  await store.insertVersion(db, {
    id: newId(),
    workspace_id: workspaceId,
    playbook_id: row.id,
    version: from + 1,
    definition: JSON.stringify(definition),
    note,
    created_by_label: actor.label,
    created_at: now,
  });
  const after = await getPlaybook(db, workspaceId, row.id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'playbook.version',
    entityType: 'playbook',
    entityId: row.id,
    before: { version: before.version, definition: before.definition },
    after: { version: after.version, note, definition: after.definition },
  });
  return after;
}

export interface PlaybookPatch {
  name?: string;
  description?: string | null;
  products?: string[];
  segments?: string[];
  priority?: number;
  archived?: boolean;
}

/** Changes a playbook's name, description or selection rules, or archives it (archived ones are never selected). */
export async function updatePlaybook(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  patch: PlaybookPatch,
): Promise<PlaybookDetail> {
  const row = await findOr404(db, workspaceId, id);
  const before = await getPlaybook(db, workspaceId, id);
  const set: Partial<store.PlaybookRow> = {};
  if (patch.name !== undefined) set.name = patch.name.trim();
  if (patch.description !== undefined) set.description = patch.description?.trim() || null;
  if (patch.products !== undefined)
    set.products = JSON.stringify([...new Set(patch.products.map((p) => p.trim()).filter(Boolean))]);
  if (patch.segments !== undefined)
    set.segments = JSON.stringify([...new Set(patch.segments.map((s) => s.trim()).filter(Boolean))]);
  if (patch.priority !== undefined) set.priority = patch.priority;
  if (patch.archived !== undefined && patch.archived !== (row.archived_at !== null))
    set.archived_at = patch.archived ? nowIso() : null;
  const changed = Object.entries(set).filter(([k, v]) => row[k as keyof store.PlaybookRow] !== v);
  if (changed.length === 0) return before;
  set.updated_at = nowIso();
  await store.updatePlaybookRow(db, workspaceId, id, set);
  const after = await getPlaybook(db, workspaceId, id);
  const action =
    patch.archived !== undefined && 'archived_at' in set && changed.length === 1
      ? patch.archived
        ? 'playbook.archive'
        : 'playbook.unarchive'
      : 'playbook.update';
  const { definition: _b, versions: _bv, effortByRole: _be, ...beforeRecord } = before;
  const { definition: _a, versions: _av, effortByRole: _ae, ...afterRecord } = after;
  await recordAudit(db, {
    workspaceId,
    actor,
    action,
    entityType: 'playbook',
    entityId: id,
    before: beforeRecord,
    after: afterRecord,
  });
  return after;
}
