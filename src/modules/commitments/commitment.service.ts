/** Reading the commitments ledger (promises with their accounts' and deals' names), and what its changes share. */
import { getAccount } from '../accounts/index.ts';
import { DEFAULT_GUARD, getDeal } from '../deals/index.ts';
import type { Actor, Scope } from '../../platform/auth/principal.ts';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { getMember } from '../../platform/identity/member.service.ts';
import {
  type Commitment,
  type CommitmentStatus,
  daysOverdue,
  exposureOf,
  isoDay,
  isUnscoped,
  type StatusChange,
  type Strength,
} from './commitment.ts';
import * as store from './commitment.store.ts';

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
export function checkScope(scope: Scope): void {
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

export async function findOr404(db: Db, scope: Scope, id: string): Promise<store.CommitmentRow> {
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

/** Who changed a status, as the history shows them: a member by name, an API key by its label. */
export async function changer(
  db: Db,
  actor: Actor,
  workspaceId: string,
): Promise<{ id: string | null; label: string }> {
  if (actor.type !== 'user' || !actor.id) return { id: null, label: actor.label };
  const member = await getMember(db, workspaceId, actor.id).catch(() => undefined);
  return { id: actor.id, label: member?.name || actor.label };
}

/** A timestamp strictly after `previous`, so that a promise's version always moves. */
export const later = (now: string, previous: string): string =>
  now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
