/**
 * Who owns an account along the journey: account executive → delivery lead → customer success manager →
 * account manager, each handoff dated. The first is recorded when delivery accepts the brief; the second
 * when delivery hands the live customer to success; the third when success hands the renewal on.
 */
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getMember } from '../../platform/identity/member.service.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { type Account, getAccount, updateAccount } from '../accounts/index.ts';
import * as store from './handoff.store.ts';

export const OWNER_ROLES = ['ae', 'delivery_lead', 'csm', 'account_manager'] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];

export interface OwnershipHandoff {
  id: string;
  fromRole: OwnerRole;
  toRole: OwnerRole;
  fromUserId: string | null;
  toUserId: string | null;
  briefId: string | null;
  at: string;
  note: string | null;
}

const OWNER_FIELD: Record<OwnerRole, 'aeUserId' | 'deliveryLeadUserId' | 'csmUserId' | 'accountManagerUserId'> = {
  ae: 'aeUserId',
  delivery_lead: 'deliveryLeadUserId',
  csm: 'csmUserId',
  account_manager: 'accountManagerUserId',
};

const toHandoff = (r: store.OwnershipRow): OwnershipHandoff => ({
  id: r.id,
  fromRole: r.from_role as OwnerRole,
  toRole: r.to_role as OwnerRole,
  fromUserId: r.from_user_id,
  toUserId: r.to_user_id,
  briefId: r.brief_id,
  at: r.at,
  note: r.note,
});

export interface Ownership {
  accountId: string;
  /** The role that holds the account now: the last handoff's receiver, or the AE before any handoff. */
  currentRole: OwnerRole;
  owners: Record<OwnerRole, string | null>;
  handoffs: OwnershipHandoff[];
}

const ownersOf = (a: Account): Record<OwnerRole, string | null> => ({
  ae: a.aeUserId,
  delivery_lead: a.deliveryLeadUserId,
  csm: a.csmUserId,
  account_manager: a.accountManagerUserId,
});

export async function getOwnership(
  db: Db,
  scope: { workspaceId: string; partnerId: string | null },
  accountId: string,
): Promise<Ownership> {
  const account = await getAccount(db, scope, accountId);
  const handoffs = (await store.selectOwnershipHandoffs(db, scope.workspaceId, accountId)).map(toHandoff);
  return { accountId, currentRole: handoffs.at(-1)?.toRole ?? 'ae', owners: ownersOf(account), handoffs };
}

/** The next role in the chain for each holder: the journey only moves forward. */
const NEXT: Partial<Record<OwnerRole, OwnerRole>> = {
  ae: 'delivery_lead',
  delivery_lead: 'csm',
  csm: 'account_manager',
};

/**
 * Hands the account to the next owner in the chain (delivery lead → CSM, CSM → account manager). The
 * first handoff (AE → delivery lead) happens by accepting the handoff brief, not here.
 */
export async function handOver(
  db: Db,
  actor: Actor,
  scope: { workspaceId: string; partnerId: string | null },
  accountId: string,
  input: { toRole: OwnerRole; toUserId: string; note?: string },
): Promise<Ownership> {
  const before = await getOwnership(db, scope, accountId);
  const expected = NEXT[before.currentRole];
  if (before.currentRole === 'ae')
    throw new AppError('conflict', 'the first handoff happens when delivery accepts the handoff brief');
  if (input.toRole !== expected) {
    throw new AppError(
      'conflict',
      expected
        ? `the account is with the ${before.currentRole.replace('_', ' ')}; it goes next to the ${expected.replace('_', ' ')}`
        : 'the account is already with its account manager',
    );
  }
  await getMember(db, scope.workspaceId, input.toUserId).catch(() => {
    throw AppError.validation('body.toUserId', 'is not a member of this workspace');
  });
  await updateAccount(db, actor, scope, accountId, { [OWNER_FIELD[input.toRole]]: input.toUserId });
  await store.insertOwnershipHandoff(db, {
    id: newId(),
    workspace_id: scope.workspaceId,
    account_id: accountId,
    from_role: before.currentRole,
    to_role: input.toRole,
    from_user_id: before.owners[before.currentRole],
    to_user_id: input.toUserId,
    brief_id: null,
    at: nowIso(),
    note: input.note ?? null,
  });
  const after = await getOwnership(db, scope, accountId);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'account.hand_over',
    entityType: 'account',
    entityId: accountId,
    before: { holder: before.currentRole },
    after: { holder: after.currentRole, toUserId: input.toUserId },
  });
  return after;
}

/** A handoff of an account's ownership that happened before the account came into Baton. */
export interface PastOwnershipHandoff {
  fromRole: OwnerRole;
  toRole: OwnerRole;
  fromUserId: string | null;
  toUserId: string | null;
  at: string;
}

/**
 * Records an account's past ownership handoffs, dated as they happened: only what brings in accounts with their
 * history (the demo workspace) calls it, unaudited and unchecked, like the account's own `setAccountCreatedOn`.
 */
export async function recordPastOwnershipHandoffs(
  db: Db,
  workspaceId: string,
  accountId: string,
  handoffs: readonly PastOwnershipHandoff[],
): Promise<void> {
  for (const h of handoffs) {
    await store.insertOwnershipHandoff(db, {
      id: newId(),
      workspace_id: workspaceId,
      account_id: accountId,
      from_role: h.fromRole,
      to_role: h.toRole,
      from_user_id: h.fromUserId,
      to_user_id: h.toUserId,
      brief_id: null,
      at: h.at,
      note: null,
    });
  }
}
