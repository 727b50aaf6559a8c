import { recordAudit } from '../audit/audit.service.ts';
import type { Role } from '../auth/permissions.ts';
import type { Actor } from '../auth/principal.ts';
import { randomToken, sha256 } from '../auth/tokens.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { newId } from '../ids.ts';
import { type Invitation, type MyInvitation, normalizeEmail } from './identity.ts';
import * as store from './identity.store.ts';
import * as invitations from './invitation.store.ts';
import { linkExpiry } from './links.ts';
import { checkNewPassword, createLogin } from './login.service.ts';
import { verifyCredentials } from '../auth/session.service.ts';
import { checkPartner } from './member.service.ts';

/**
 * Invitations: a workspace admin adds a person by email and role; the membership takes effect only when the
 * person accepts — signed in with their login, or, for a new person, by setting a password through the
 * invitation's link. The answer to the admin is the same whether or not the email has a login elsewhere.
 */

export async function inviteMember(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: { email: string; name?: string; role: Role; partnerId?: string | null },
  now = new Date(),
): Promise<{ invitation: Invitation; token: string }> {
  const email = normalizeEmail(input.email);
  await checkPartner(db, workspaceId, input.role, input.partnerId);
  const user = await store.findUserByEmail(db, email);
  if (user && (await store.findMembership(db, workspaceId, user.id))) {
    throw new AppError('conflict', `${email} is already a member of this workspace`, {
      fieldErrors: [{ field: 'body.email', message: 'already a member' }],
    });
  }
  // Inviting again replaces the earlier link.
  await invitations.revokeOpenInvitationsFor(db, workspaceId, email, now.toISOString());
  const token = randomToken();
  const row = {
    id: newId(),
    workspace_id: workspaceId,
    email,
    name: input.name?.trim() || null,
    role: input.role,
    partner_id: input.partnerId ?? null,
    token_hash: sha256(token),
    invited_by: actor.label,
    created_at: now.toISOString(),
    expires_at: linkExpiry(now),
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
  };
  await invitations.insertInvitation(db, row);
  const invitation = (await listInvitations(db, workspaceId, now)).find((i) => i.id === row.id) as Invitation;
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'member.invite',
    entityType: 'invitation',
    entityId: row.id,
    after: invitation,
  });
  return { invitation, token };
}

/** The workspace's invitations not yet accepted or revoked, expired ones marked. */
export async function listInvitations(db: Db, workspaceId: string, now = new Date()): Promise<Invitation[]> {
  const rows = await invitations.selectOpenInvitations(db, workspaceId);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    invitedBy: r.invited_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    expired: r.expires_at <= now.toISOString(),
  }));
}

export async function revokeInvitation(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  now = new Date(),
): Promise<void> {
  const row = await invitations.findInvitation(db, id);
  if (!row || row.workspace_id !== workspaceId || row.accepted_at || row.revoked_at)
    throw AppError.notFound('invitation');
  await invitations.markRevoked(db, id, now.toISOString());
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'member.invite.revoke',
    entityType: 'invitation',
    entityId: id,
    before: { email: row.email, role: row.role },
  });
}

/** The open invitations of the signed-in person (by their login's email). */
export async function invitationsFor(db: Db, email: string, now = new Date()): Promise<MyInvitation[]> {
  const rows = await invitations.selectInvitationsForEmail(db, normalizeEmail(email), now.toISOString());
  return rows.map((r) => ({
    id: r.id,
    workspace: { id: r.workspace_id, slug: r.workspace_slug, name: r.workspace_name },
    role: r.role as Role,
    invitedBy: r.invited_by,
    expiresAt: r.expires_at,
  }));
}

type InvitationRow = NonNullable<Awaited<ReturnType<typeof invitations.findInvitation>>>;

function checkUsable(row: InvitationRow, now: Date): void {
  if (row.revoked_at)
    throw new AppError('forbidden', 'this invitation was withdrawn: ask the workspace admin for a new one');
  if (row.accepted_at) throw new AppError('forbidden', 'this invitation was already used: sign in with your login');
  if (row.expires_at <= now.toISOString())
    throw new AppError('forbidden', 'this invitation has expired: ask the workspace admin for a new one');
}

async function join(
  db: Db,
  row: InvitationRow,
  person: { id: string; email: string },
  now: Date,
): Promise<{ workspaceId: string }> {
  if (!(await invitations.markAccepted(db, row.id, person.id, now.toISOString())))
    throw new AppError('forbidden', 'this invitation was already used or withdrawn');
  if (!(await store.findMembership(db, row.workspace_id, person.id))) {
    await store.insertMembership(db, {
      workspace_id: row.workspace_id,
      user_id: person.id,
      role: row.role,
      partner_id: row.partner_id,
      created_at: now.toISOString(),
    });
  }
  await recordAudit(db, {
    workspaceId: row.workspace_id,
    actor: { type: 'user', id: person.id, label: person.email },
    action: 'member.join',
    entityType: 'user',
    entityId: person.id,
    after: { invitationId: row.id, role: row.role, partnerId: row.partner_id },
  });
  return { workspaceId: row.workspace_id };
}

/** The signed-in person accepts an invitation to their email; it is not found for anyone else. */
export async function acceptInvitation(
  db: Db,
  person: { id: string; email: string },
  id: string,
  now = new Date(),
): Promise<{ workspaceId: string }> {
  const row = await invitations.findInvitation(db, id);
  if (!row || row.email !== normalizeEmail(person.email)) throw AppError.notFound('invitation');
  checkUsable(row, now);
  return join(db, row, person, now);
}

/** The signed-in person declines an invitation to their email. */
export async function declineInvitation(
  db: Db,
  person: { id: string; email: string },
  id: string,
  now = new Date(),
): Promise<void> {
  const row = await invitations.findInvitation(db, id);
  if (!row || row.email !== normalizeEmail(person.email) || row.accepted_at || row.revoked_at)
    throw AppError.notFound('invitation');
  await invitations.markRevoked(db, id, now.toISOString());
  await recordAudit(db, {
    workspaceId: row.workspace_id,
    actor: { type: 'user', id: person.id, label: person.email },
    action: 'member.invite.decline',
    entityType: 'invitation',
    entityId: id,
  });
}

async function usableByToken(db: Db, token: string, now: Date): Promise<InvitationRow> {
  const row = await invitations.findInvitationByTokenHash(db, sha256(token));
  if (!row) throw AppError.notFound('invitation');
  checkUsable(row, now);
  return row;
}

/** What an invitation link offers, before it is used: the workspace, the email it is for, the role. */
export async function previewInvitation(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{
  id: string;
  workspace: { slug: string; name: string };
  email: string;
  name: string | null;
  role: Role;
  expiresAt: string;
}> {
  const row = await usableByToken(db, token, now);
  const ws = await store.findWorkspaceById(db, row.workspace_id);
  if (!ws) throw AppError.notFound('invitation');
  return {
    id: row.id,
    workspace: { slug: ws.slug, name: ws.name },
    email: row.email,
    name: row.name,
    role: row.role as Role,
    expiresAt: row.expires_at,
  };
}

/**
 * The invitation link's own way in. A new person chooses a name and a password: their login is made and they
 * join. An email that already has a login joins by giving that login's password, checked under the sign-in
 * throttle (refusals counted and audited in the account's own workspaces); a wrong one is answered as a conflict
 * that asks for it. A refusal is returned, not thrown, so that the caller commits its count.
 */
export async function redeemInvitation(
  db: Db,
  token: string,
  input: { password: string; name?: string; ip?: string; userAgent?: string },
  now = new Date(),
): Promise<{ ok: true; email: string; workspaceId: string; workspaceSlug: string } | { ok: false; error: AppError }> {
  const row = await usableByToken(db, token, now);
  const existing = await store.findUserByEmail(db, row.email);
  let person: { id: string; email: string };
  if (existing) {
    const checked = await verifyCredentials(db, {
      email: row.email,
      password: input.password,
      ip: input.ip,
      userAgent: input.userAgent,
      now,
    });
    if (!checked.ok) {
      const error =
        checked.error.code === 'unauthenticated'
          ? new AppError(
              'conflict',
              'this email already has a Baton login: give its password to accept, or sign in and accept the invitation',
            )
          : checked.error;
      return { ok: false, error };
    }
    person = checked.user;
  } else {
    checkNewPassword('body.password', input.password);
    person = await createLogin(
      db,
      { email: row.email, name: input.name ?? row.name ?? undefined, password: input.password },
      now,
    );
  }
  const { workspaceId } = await join(db, row, person, now);
  const ws = await store.findWorkspaceById(db, workspaceId);
  return { ok: true, email: person.email, workspaceId, workspaceSlug: ws?.slug ?? '' };
}
