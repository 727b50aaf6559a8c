import { recordAudit } from '../audit/audit.service.ts';
import { MIN_PASSWORD_LENGTH, hashPassword } from '../auth/passwords.ts';
import type { Role } from '../auth/permissions.ts';
import { revokeSessionsOf } from '../auth/session.service.ts';
import type { Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { newId, nowIso } from '../ids.ts';
import { checkPartnerRole, type Member, normalizeEmail } from './identity.ts';
import * as store from './identity.store.ts';

type MemberRow = Awaited<ReturnType<ReturnType<typeof store.selectMembers>['execute']>>[number];

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  email: r.email,
  name: r.name,
  hasPassword: r.password_hash !== null,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
  role: r.role as Role,
  partnerId: r.partner_id,
  partnerName: r.partner_name,
  memberSince: r.member_since,
});

function checkPassword(password: string | undefined): void {
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    throw AppError.validation('password', `use at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

async function checkPartner(db: Db, workspaceId: string, role: Role, partnerId: string | null | undefined) {
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
 * Adds a person to a workspace with a role. A person who already has a Baton login (same email)
 * joins with that login; a new person is created, with a password if one is given.
 */
export async function addMember(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: { email: string; name?: string; role: Role; password?: string; partnerId?: string | null },
): Promise<Member> {
  const email = normalizeEmail(input.email);
  checkPassword(input.password);
  await checkPartner(db, workspaceId, input.role, input.partnerId);
  let user = await store.findUserByEmail(db, email);
  if (!user) {
    user = {
      id: newId(),
      email,
      name: input.name?.trim() || email.split('@')[0] || email,
      password_hash: input.password ? await hashPassword(input.password) : null,
      created_at: nowIso(),
      disabled_at: null,
    };
    await store.insertUser(db, user);
  } else if (await store.findMembership(db, workspaceId, user.id)) {
    throw new AppError('conflict', `${email} is already a member of this workspace`, {
      fieldErrors: [{ field: 'email', message: 'already a member' }],
    });
  } else if (input.password) {
    throw AppError.validation('password', 'this person already has a Baton login; they keep their own password');
  }
  await store.insertMembership(db, {
    workspace_id: workspaceId,
    user_id: user.id,
    role: input.role,
    partner_id: input.partnerId ?? null,
    created_at: nowIso(),
  });
  const member = await getMember(db, workspaceId, user.id);
  await recordAudit(db, { workspaceId, actor, action: 'member.add', entityType: 'user', entityId: user.id, after: member });
  return member;
}

async function ensureAnotherAdmin(db: Db, workspaceId: string, member: Member): Promise<void> {
  if (member.role === 'admin' && (await store.countAdmins(db, workspaceId)) <= 1) {
    throw new AppError('conflict', 'a workspace needs at least one admin: make someone else admin first');
  }
}

export async function updateMember(
  db: Db,
  actor: Actor,
  workspaceId: string,
  userId: string,
  patch: { role?: Role; partnerId?: string | null; name?: string; password?: string; disabled?: boolean },
): Promise<Member> {
  const before = await getMember(db, workspaceId, userId);
  const role = patch.role ?? before.role;
  const partnerId = patch.partnerId !== undefined ? patch.partnerId : role === 'partner' ? before.partnerId : null;
  if (role !== before.role && before.role === 'admin') await ensureAnotherAdmin(db, workspaceId, before);
  await checkPartner(db, workspaceId, role, partnerId);
  checkPassword(patch.password);
  if (role !== before.role || partnerId !== before.partnerId) {
    await store.updateMembership(db, workspaceId, userId, { role, partner_id: partnerId });
  }
  const userPatch: Parameters<typeof store.updateUser>[2] = {};
  if (patch.name !== undefined) userPatch.name = patch.name.trim();
  if (patch.password !== undefined) userPatch.password_hash = await hashPassword(patch.password);
  if (patch.disabled !== undefined) userPatch.disabled_at = patch.disabled ? (before.disabledAt ?? nowIso()) : null;
  if (Object.keys(userPatch).length > 0) await store.updateUser(db, userId, userPatch);
  // A new password or a disabled login ends every open session of that person.
  if (patch.password !== undefined || patch.disabled) await revokeSessionsOf(db, userId);
  const after = await getMember(db, workspaceId, userId);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: patch.password !== undefined ? 'member.update.password' : 'member.update',
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
