import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { classifyWords, type CommitmentStatus } from './commitment.ts';
import * as store from './commitment.store.ts';
import type { CommitmentStatusChangeTable, CommitmentTable } from './commitment.table.ts';

/** A promise with its whole history, as an import or the demo workspace knows it. */
export interface BulkCommitment {
  accountId: string;
  dealId?: string | null;
  what: string;
  toContactId?: string | null;
  toName: string;
  words: string;
  dueDate?: string | null;
  roadmapItem?: string | null;
  madeBy: { userId: string | null; label: string };
  madeOn: string;
  /** Status changes after the promise was recorded, oldest first; the last one is its status now. */
  history: Array<{
    to: CommitmentStatus;
    note?: string | null;
    at: string;
    by: { userId: string | null; label: string };
  }>;
}

/**
 * Writes many promises with their status histories (the demo workspace, imports), recording one audit entry
 * for the batch. The caller vouches for the account, deal, contact and user ids.
 */
export async function recordCommitmentsInBulk(
  db: Db,
  actor: Actor,
  workspaceId: string,
  items: BulkCommitment[],
  source: string,
): Promise<number> {
  const rows: CommitmentTable[] = [];
  const changes: CommitmentStatusChangeTable[] = [];
  for (const item of items) {
    const id = newId();
    const recordedAt = `${item.madeOn}T12:00:00.000Z`;
    const last = item.history.at(-1);
    if (last && last.at < recordedAt)
      throw new AppError('validation', `a status change of "${item.what}" predates the promise`);
    const reading = classifyWords(item.words);
    rows.push({
      id,
      workspace_id: workspaceId,
      account_id: item.accountId,
      deal_id: item.dealId ?? null,
      what: item.what,
      to_contact_id: item.toContactId ?? null,
      to_name: item.toName,
      words: item.words,
      strength: reading.strength,
      matched_phrase: reading.phrase,
      status: last?.to ?? 'not_reviewed',
      due_date: item.dueDate ?? null,
      roadmap_item: item.roadmapItem ?? null,
      made_by_user_id: item.madeBy.userId,
      made_by_label: item.madeBy.label,
      made_on: item.madeOn,
      created_at: recordedAt,
      updated_at: last?.at ?? recordedAt,
    });
    let from: CommitmentStatus | null = null;
    for (const step of [
      { to: 'not_reviewed' as const, note: null, at: recordedAt, by: item.madeBy },
      ...item.history,
    ]) {
      changes.push({
        id: newId(),
        workspace_id: workspaceId,
        commitment_id: id,
        from_status: from,
        to_status: step.to,
        note: step.note ?? null,
        changed_by_user_id: step.by.userId,
        changed_by_label: step.by.label,
        changed_at: step.at,
      });
      from = step.to;
    }
  }
  // Chunks keep each statement under the databases' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 200) await store.insertCommitments(db, rows.slice(i, i + 200));
  for (let i = 0; i < changes.length; i += 300) await store.insertStatusChanges(db, changes.slice(i, i + 300));
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'commitment.bulk_create',
    entityType: 'commitment',
    entityId: null,
    after: { source, commitments: rows.length, statusChanges: changes.length },
  });
  return rows.length;
}
