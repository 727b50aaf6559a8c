import { getAccount, listContacts } from '../accounts/index.ts';
import { getDeal, DEFAULT_GUARD } from '../deals/index.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../platform/auth/principal.ts';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { getMember } from '../../platform/identity/member.service.ts';
import {
  classifyWords,
  type Commitment,
  type CommitmentStatus,
  daysOverdue,
  exposureOf,
  isoDay,
  isUnscoped,
  type StatusChange,
  statusWords,
  type Strength,
} from './commitment.ts';
import * as store from './commitment.store.ts';
import type { CommitmentTable } from './commitment.table.ts';

/** Names of the accounts and deals a set of promises points at, looked up through their modules. */
export interface Names {
  account: ReadonlyMap<string, string>;
  deal: ReadonlyMap<string, string>;
}

export function toCommitment(r: store.CommitmentRow, names: Names, today: string): Commitment {
  const status = r.status as CommitmentStatus;
  const strength = r.strength as Strength;
  const exposure = exposureOf({ strength, phrase: r.matched_phrase }, status);
  const late = daysOverdue({ dueDate: r.due_date, status }, today);
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: names.account.get(r.account_id) ?? null,
    dealId: r.deal_id,
    dealName: r.deal_id ? (names.deal.get(r.deal_id) ?? null) : null,
    what: r.what,
    toContactId: r.to_contact_id,
    toName: r.to_name,
    words: r.words,
    strength,
    matchedPhrase: r.matched_phrase,
    status,
    dueDate: r.due_date,
    roadmapItem: r.roadmap_item,
    madeBy: { userId: r.made_by_user_id, label: r.made_by_label },
    madeOn: r.made_on,
    exposed: exposure.exposed,
    exposure: exposure.reason,
    overdue: late !== null,
    daysOverdue: late,
    unscoped: isUnscoped({ dueDate: r.due_date, status }),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const toStatusChange = (r: store.StatusChangeRow): StatusChange => ({
  id: r.id,
  from: r.from_status as CommitmentStatus | null,
  to: r.to_status as CommitmentStatus,
  note: r.note,
  changedBy: { userId: r.changed_by_user_id, label: r.changed_by_label },
  changedAt: r.changed_at,
});

/** Partner users never see the ledger: it speaks of every account of the workspace. */
function checkScope(scope: Scope): void {
  if (scope.partnerId) throw new AppError('forbidden', 'partner users do not see the commitments ledger');
}

/** Account and deal names for rows, each looked up once through its own module. */
export async function namesFor(
  db: Db,
  scope: Scope,
  rows: ReadonlyArray<Pick<store.CommitmentRow, 'account_id' | 'deal_id'>>,
): Promise<Names> {
  const account = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.account_id))) {
    const a = await getAccount(db, scope, id).catch(() => undefined);
    if (a) account.set(id, a.name);
  }
  const deal = new Map<string, string>();
  for (const id of new Set(rows.flatMap((r) => (r.deal_id ? [r.deal_id] : [])))) {
    const d = await getDeal(db, scope.workspaceId, id, DEFAULT_GUARD).catch(() => undefined);
    if (d) deal.set(id, d.name);
  }
  return { account, deal };
}

export interface ListOptions {
  limit: number;
  cursor?: string;
  accountId?: string;
  accountIds?: string[];
  dealId?: string;
  statuses?: CommitmentStatus[];
  exposed?: boolean;
  overdue?: boolean;
  open?: boolean;
  q?: string;
}

const isKey = (v: unknown): v is { madeOn: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { madeOn?: unknown }).madeOn === 'string' &&
  typeof (v as { id?: unknown }).id === 'string';

/** The ledger, most recent promise first, with how many promises are exposed and overdue in the workspace. */
export async function listCommitments(
  db: Db,
  caps: DialectCapabilities,
  scope: Scope,
  opts: ListOptions,
  today = isoDay(new Date()),
): Promise<{
  items: Commitment[];
  nextCursor: string | null;
  total: number;
  counts: { all: number; exposed: number; overdue: number };
}> {
  checkScope(scope);
  const before = decodeCursor(opts.cursor, isKey);
  const { limit, cursor: _cursor, ...filter } = opts;
  const rows = await store.selectCommitments(db, caps, scope.workspaceId, {
    ...filter,
    today,
    before,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const names = await namesFor(db, scope, page);
  const items = page.map((r) => toCommitment(r, names, today));
  const last = items.at(-1);
  const count = (f: Partial<store.CommitmentFilter>) =>
    store.countCommitments(db, caps, scope.workspaceId, { today, ...f });
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ madeOn: last.madeOn, id: last.id }) : null,
    total: await count(filter),
    counts: { all: await count({}), exposed: await count({ exposed: true }), overdue: await count({ overdue: true }) },
  };
}

async function findOr404(db: Db, scope: Scope, id: string): Promise<store.CommitmentRow> {
  checkScope(scope);
  const row = await store.findCommitment(db, scope.workspaceId, id);
  if (!row) throw AppError.notFound('commitment');
  return row;
}

export async function getCommitment(
  db: Db,
  scope: Scope,
  id: string,
  today = isoDay(new Date()),
): Promise<Commitment & { history: StatusChange[] }> {
  const row = await findOr404(db, scope, id);
  const history = (await store.selectStatusChanges(db, scope.workspaceId, id)).map(toStatusChange);
  return { ...toCommitment(row, await namesFor(db, scope, [row]), today), history };
}

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

/** Who changed a status, as the history shows them: a member by name, an API key by its label. */
async function changer(db: Db, actor: Actor, workspaceId: string): Promise<{ id: string | null; label: string }> {
  if (actor.type !== 'user' || !actor.id) return { id: null, label: actor.label };
  const member = await getMember(db, workspaceId, actor.id).catch(() => undefined);
  return { id: actor.id, label: member?.name || actor.label };
}

const later = (now: string, previous: string): string =>
  now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();

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
