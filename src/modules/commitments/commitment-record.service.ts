/** Recording promises: a new one (not yet reviewed by product), a change of what was promised, a deletion. */
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getMember } from '../../platform/identity/member.service.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { getAccount, listContacts } from '../accounts/index.ts';
import { DEFAULT_GUARD, getDeal } from '../deals/index.ts';
import { classifyWords, type Commitment, type CommitmentStatus, isoDay, statusWords } from './commitment.ts';
import { changer, checkScope, findOr404, later, namesFor, toCommitment } from './commitment.service.ts';
import * as store from './commitment.store.ts';
import type { CommitmentTable } from './commitment.table.ts';

export interface CommitmentInput {
  accountId: string;
  dealId?: string | null;
  what: string;
  toContactId?: string | null;
  toName?: string | null;
  words: string;
  dueDate?: string | null;
  roadmapItem?: string | null;
  /** Who made the promise; the recording user when not given. */
  madeByUserId?: string | null;
  /** When it was made (YYYY-MM-DD); today when not given. */
  madeOn?: string;
}

/** To whom: a contact of the account (its name is kept with the promise) or a free-text name, not both. */
async function recipient(
  db: Db,
  scope: Scope,
  accountId: string,
  toContactId: string | null | undefined,
  toName: string | null | undefined,
) {
  const name = toName?.trim() || null;
  if (toContactId && name)
    throw AppError.validation('body.toName', 'give a contact of the account or a name, not both');
  if (toContactId) {
    const contact = (await listContacts(db, scope, accountId)).find((c) => c.id === toContactId);
    if (!contact) throw AppError.validation('body.toContactId', 'is not a contact of this account');
    return { to_contact_id: contact.id, to_name: contact.name };
  }
  if (!name)
    throw AppError.validation(
      'body.toName',
      'say to whom the promise was made: a contact of the account (toContactId) or a name',
    );
  return { to_contact_id: null, to_name: name };
}

async function checkDeal(db: Db, scope: Scope, dealId: string, accountId: string): Promise<void> {
  const deal = await getDeal(db, scope.workspaceId, dealId, DEFAULT_GUARD).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found')
      throw AppError.validation('body.dealId', 'no such deal in this workspace');
    throw err;
  });
  if (deal.accountId && deal.accountId !== accountId)
    throw AppError.validation('body.dealId', 'this deal belongs to another account');
}

async function maker(
  db: Db,
  actor: Actor,
  workspaceId: string,
  userId: string | null | undefined,
): Promise<{ id: string | null; label: string }> {
  const id = userId ?? (actor.type === 'user' ? actor.id : null);
  if (!id) return { id: null, label: actor.label };
  const member = await getMember(db, workspaceId, id).catch(() => {
    throw AppError.validation('body.madeByUserId', 'is not a member of this workspace');
  });
  return { id, label: member.name || member.email };
}

/** Records a promise as `not_reviewed`; its history starts with that entry. */
export async function createCommitment(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: CommitmentInput,
  today = isoDay(new Date()),
): Promise<Commitment> {
  checkScope(scope);
  await getAccount(db, scope, input.accountId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found')
      throw AppError.validation('body.accountId', 'no such account in this workspace');
    throw err;
  });
  if (input.dealId) await checkDeal(db, scope, input.dealId, input.accountId);
  const to = await recipient(db, scope, input.accountId, input.toContactId, input.toName);
  const madeOn = input.madeOn ?? today;
  // A day of slack for people east of UTC, whose today is already tomorrow in UTC.
  const latest = isoDay(new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000));
  if (madeOn > latest) throw AppError.validation('body.madeOn', 'is in the future');
  const by = await maker(db, actor, scope.workspaceId, input.madeByUserId);
  const reading = classifyWords(input.words);
  const recorder = await changer(db, actor, scope.workspaceId);
  const now = nowIso();
  const row: CommitmentTable = {
    id: newId(),
    workspace_id: scope.workspaceId,
    account_id: input.accountId,
    deal_id: input.dealId ?? null,
    what: input.what.trim(),
    ...to,
    words: input.words.trim(),
    strength: reading.strength,
    matched_phrase: reading.phrase,
    status: 'not_reviewed',
    due_date: input.dueDate ?? null,
    roadmap_item: input.roadmapItem?.trim() || null,
    made_by_user_id: by.id,
    made_by_label: by.label,
    made_on: madeOn,
    created_at: now,
    updated_at: now,
  };
  await store.insertCommitments(db, [row]);
  await store.insertStatusChanges(db, [
    {
      id: newId(),
      workspace_id: scope.workspaceId,
      commitment_id: row.id,
      from_status: null,
      to_status: 'not_reviewed',
      note: null,
      changed_by_user_id: recorder.id,
      changed_by_label: recorder.label,
      changed_at: now,
    },
  ]);
  const created = toCommitment(row, await namesFor(db, scope, [row]), today);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'commitment.create',
    entityType: 'commitment',
    entityId: row.id,
    after: created,
  });
  return created;
}

export interface CommitmentPatch {
  what?: string;
  toContactId?: string | null;
  toName?: string | null;
  words?: string;
  dueDate?: string | null;
  roadmapItem?: string | null;
}

/**
 * Changes what was promised, to whom, the words or the due date. Once product has reviewed a promise, the
 * words the customer heard and the date they were given are changed only by a reviewer (`mayReview`), so
 * that exposure cannot be talked away after the fact; the audit log keeps every version.
 */
export async function updateCommitment(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: string,
  patch: CommitmentPatch,
  mayReview: boolean,
): Promise<Commitment> {
  const row = await findOr404(db, scope, id);
  const today = isoDay(new Date());
  const before = toCommitment(row, await namesFor(db, scope, [row]), today);
  const set: Partial<CommitmentTable> = {};
  if (patch.what !== undefined) set.what = patch.what.trim();
  if (patch.roadmapItem !== undefined) set.roadmap_item = patch.roadmapItem?.trim() || null;
  if (patch.toContactId !== undefined || patch.toName !== undefined) {
    const contactId = patch.toContactId === undefined ? null : patch.toContactId;
    Object.assign(set, await recipient(db, scope, row.account_id, contactId, patch.toName));
  }
  const wordsChange = patch.words !== undefined && patch.words.trim() !== row.words;
  const dueChange = patch.dueDate !== undefined && patch.dueDate !== row.due_date;
  if ((wordsChange || dueChange) && row.status !== 'not_reviewed' && !mayReview) {
    throw new AppError(
      'forbidden',
      `product has reviewed this promise (${statusWords(row.status as CommitmentStatus)}): only a reviewer (commitments:review) may change the words or the due date now`,
    );
  }
  if (wordsChange && patch.words !== undefined) {
    const reading = classifyWords(patch.words);
    Object.assign(set, { words: patch.words.trim(), strength: reading.strength, matched_phrase: reading.phrase });
  }
  if (dueChange) set.due_date = patch.dueDate ?? null;
  set.updated_at = later(nowIso(), row.updated_at);
  await store.updateCommitmentRow(db, scope.workspaceId, id, set);
  const updated = (await store.findCommitment(db, scope.workspaceId, id)) as store.CommitmentRow;
  const after = toCommitment(updated, await namesFor(db, scope, [updated]), today);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'commitment.update',
    entityType: 'commitment',
    entityId: id,
    before,
    after,
  });
  return after;
}

/** Removes a promise recorded by mistake; once product has reviewed it, it stays in the ledger (409). */
export async function deleteCommitment(db: Db, actor: Actor, scope: Scope, id: string): Promise<void> {
  const row = await findOr404(db, scope, id);
  if (row.status !== 'not_reviewed') {
    throw new AppError(
      'conflict',
      `product has reviewed this promise (${statusWords(row.status as CommitmentStatus)}), so it stays in the ledger: record its outcome with a status instead of deleting it`,
    );
  }
  const before = toCommitment(row, await namesFor(db, scope, [row]), isoDay(new Date()));
  await store.deleteCommitmentRow(db, scope.workspaceId, id);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'commitment.delete',
    entityType: 'commitment',
    entityId: id,
    before,
  });
}
