/** Product's review of a promise: its status, with a note, kept in its history. */
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { type Commitment, type CommitmentStatus, isoDay, type StatusChange } from './commitment.ts';
import { changer, findOr404, getCommitment, later, namesFor, toCommitment } from './commitment.service.ts';
import * as store from './commitment.store.ts';

/**
 * Product's answer to a promise: a new status and a note, kept in the history (who, when, from, to, note).
 * Sending the status it already has, without a note, changes nothing.
 */
export async function setCommitmentStatus(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: string,
  input: { status: CommitmentStatus; note?: string | null },
): Promise<Commitment & { history: StatusChange[] }> {
  const row = await findOr404(db, scope, id);
  const note = input.note?.trim() || null;
  if (row.status === input.status && note === null) return getCommitment(db, scope, id);
  const today = isoDay(new Date());
  const before = toCommitment(row, await namesFor(db, scope, [row]), today);
  const now = later(nowIso(), row.updated_at);
  const by = await changer(db, actor, scope.workspaceId);
  await store.updateCommitmentRow(db, scope.workspaceId, id, { status: input.status, updated_at: now });
  await store.insertStatusChanges(db, [
    {
      id: newId(),
      workspace_id: scope.workspaceId,
      commitment_id: id,
      from_status: row.status,
      to_status: input.status,
      note,
      changed_by_user_id: by.id,
      changed_by_label: by.label,
      changed_at: now,
    },
  ]);
  const after = await getCommitment(db, scope, id, today);
  const { history: _history, ...afterRecord } = after;
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'commitment.status',
    entityType: 'commitment',
    entityId: id,
    before,
    after: { ...afterRecord, note },
  });
  return after;
}
