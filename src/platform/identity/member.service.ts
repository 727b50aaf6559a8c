import { recordAudit } from '../audit/audit.service.ts';
import type { Role } from '../auth/permissions.ts';
import { revokeSessionsOf } from '../auth/session.service.ts';
import type { Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { nowIso } from '../ids.ts';
import { checkPartnerRole, type Member } from './identity.ts';
import * as store from './identity.store.ts';

type MemberRow = Awaited<ReturnType<ReturnType<typeof store.selectMembers>['execute']>>[number];

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  partnerId: r.partner_id,
  partnerName: r.partner_name,
  memberSince: r.member_since,
});

export async function checkPartner(db: Db, workspaceId: string, role: Role, partnerId: string | null | undefined) {
  checkPartnerRole(role, partnerId);
  if (partnerId && !(await store.findPartner(db, workspaceId, partnerId))) {
    throw AppError.validation('partnerId', 'no such partner firm in this workspace');
  }
}

export async function listMembers(db: Db, workspaceId: string): Promise<Member[]> {
  const rows = await store.selectMembers(db, workspaceId).orderBy('u.name').execute();
  return rows.map(toMember);
}

export async function getMember(db: Db, workspaceId: string, userId: string): Promise<Member> {
  const row = await store.selectMembers(db, workspaceId).where('u.id', '=', userId).executeTakeFirst();
  if (!row) throw AppError.notFound('user');
  return toMember(row);
}

/**
 * Makes an existing login a member of a workspace at once, with no invitation: for the instance operator's own
 * tools (first start, the command line, the demo writer), never for the HTTP API, where an admin invites.
 */
export async function grantMembership(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: { userId: string; role: Role; partnerId?: string | null },
): Promise<Member> {
  await checkPartner(db, workspaceId, input.role, input.partnerId);
  if (await store.findMembership(db, workspaceId, input.userId)) {
    throw new AppError('conflict', 'already a member of this workspace', {
      fieldErrors: [{ field: 'email', message: 'already a member' }],
    });
  }
  await store.insertMembership(db, {
    workspace_id: workspaceId,
    user_id: input.userId,
    role: input.role,
    partner_id: input.partnerId ?? null,
    created_at: nowIso(),
  });
  const member = await getMember(db, workspaceId, input.userId);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'member.add',
    entityType: 'user',
    entityId: input.userId,
    after: member,
  });
  return member;
}

async function ensureAnotherAdmin(db: Db, workspaceId: string, member: Member): Promise<void> {
  if (member.role === 'admin' && (await store.countAdmins(db, workspaceId)) <= 1) {
    throw new AppError('conflict', 'a workspace needs at least one admin: make someone else admin first');
  }
}

/**
 * Changes a member's role or partner firm in this workspace. The person's login (name, password, whether it
 * works) is theirs and the instance operator's: no workspace admin changes it.
 */
export async function updateMember(
  db: Db,
  actor: Actor,
  workspaceId: string,
  userId: string,
  patch: { role?: Role; partnerId?: string | null },
): Promise<Member> {
  const before = await getMember(db, workspaceId, userId);
  const role = patch.role ?? before.role;
  const partnerId = patch.partnerId !== undefined ? patch.partnerId : role === 'partner' ? before.partnerId : null;
  if (role !== before.role && before.role === 'admin') await ensureAnotherAdmin(db, workspaceId, before);
  await checkPartner(db, workspaceId, role, partnerId);
  if (role !== before.role || partnerId !== before.partnerId) {
    await store.updateMembership(db, workspaceId, userId, { role, partner_id: partnerId });
  }
  const after = await getMember(db, workspaceId, userId);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'member.update',
    entityType: 'user',
    entityId: userId,
    before,
    after,
  });
  return after;
}

export async function removeMember(db: Db, actor: Actor, workspaceId: string, userId: string): Promise<void> {
  const before = await getMember(db, workspaceId, userId);
  await ensureAnotherAdmin(db, workspaceId, before);
  await store.deleteMembership(db, workspaceId, userId);
  await revokeSessionsOf(db, userId, workspaceId);
  await recordAudit(db, { workspaceId, actor, action: 'member.remove', entityType: 'user', entityId: userId, before });
}
