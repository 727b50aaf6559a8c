import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword, checkPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import type { Actor } from '../auth/principal.ts';
import { revokeOtherSessionsOf, revokeSessionsOf } from '../auth/session.service.ts';
import { randomToken, sha256 } from '../auth/tokens.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { newId } from '../ids.ts';
import { normalizeEmail } from './identity.ts';
import * as store from './identity.store.ts';
import * as links from './invitation.store.ts';
import { linkExpiry } from './links.ts';

/**
 * A person's login: global, one per email, shared by every workspace they belong to. Only the person changes
 * their password (with the current one) and their name; the instance operator resets a password from the
 * command line. No workspace admin reaches anything here.
 */

export interface Me {
  id: string;
  email: string;
  name: string;
}

export function checkNewPassword(field: string, password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw AppError.validation(field, `use at least ${MIN_PASSWORD_LENGTH} characters`);
}

const defaultName = (email: string): string => email.split('@')[0] || email;

/** Audits a change to a person's own login in every workspace they belong to (where their name shows). */
async function auditEverywhere(
  db: Db,
  userId: string,
  entry: { actor: Actor; action: string; before?: unknown; after?: unknown },
): Promise<void> {
  for (const w of await store.listWorkspacesOfUser(db, userId)) {
    await recordAudit(db, { workspaceId: w.id, entityType: 'user', entityId: userId, ...entry });
  }
}

/**
 * Creates a login (no membership): for the instance operator's tools, first start and invitations accepted by
 * a new person. A taken email is a conflict.
 */
export async function createLogin(
  db: Db,
  input: { email: string; name?: string; password?: string },
  now = new Date(),
): Promise<Me> {
  const email = normalizeEmail(input.email);
  if (input.password !== undefined) checkNewPassword('password', input.password);
  if (await store.findUserByEmail(db, email)) throw new AppError('conflict', `${email} already has a Baton login`);
  const row = {
    id: newId(),
    email,
    name: input.name?.trim() || defaultName(email),
    password_hash: input.password ? await hashPassword(input.password) : null,
    created_at: now.toISOString(),
    disabled_at: null,
  };
  await store.insertUser(db, row);
  return { id: row.id, email: row.email, name: row.name };
}

/** The login of an email, made (without a password) when there is none: for the operator's tools. */
export async function ensureLogin(
  db: Db,
  input: { email: string; name?: string },
): Promise<Me & { created: boolean; hasPassword: boolean }> {
  const found = await store.findUserByEmail(db, normalizeEmail(input.email));
  if (found)
    return {
      id: found.id,
      email: found.email,
      name: found.name,
      created: false,
      hasPassword: found.password_hash !== null,
    };
  return { ...(await createLogin(db, input)), created: true, hasPassword: false };
}

export async function getMe(db: Db, userId: string): Promise<Me> {
  const row = await store.findUserById(db, userId);
  if (!row) throw AppError.notFound('user');
  return { id: row.id, email: row.email, name: row.name };
}

/**
 * Which of these people can sign in with a password: for the instance operator's tools (the demo rebuild keeps
 * them), never told to a workspace.
 */
export async function withPasswords(db: Db, userIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const id of userIds) {
    const row = await store.findUserById(db, id);
    if (row?.password_hash) found.add(id);
  }
  return found;
}

export async function findLoginByEmail(db: Db, email: string): Promise<Me | undefined> {
  const row = await store.findUserByEmail(db, normalizeEmail(email));
  return row && { id: row.id, email: row.email, name: row.name };
}

/** The person renames themselves (their name shows in every workspace they belong to). */
export async function renameSelf(db: Db, actor: Actor, userId: string, name: string): Promise<Me> {
  const before = await getMe(db, userId);
  const trimmed = name.trim();
  if (!trimmed) throw AppError.validation('body.name', 'a name cannot be empty');
  await store.updateUser(db, userId, { name: trimmed });
  const after = { ...before, name: trimmed };
  await auditEverywhere(db, userId, { actor, action: 'user.rename', before, after });
  return after;
}

/**
 * The person changes their own password, proving the current one. Their other sessions end; the one they
 * use stays signed in.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  me: { userId: string; sessionId: string },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await store.findUserById(db, me.userId);
  if (!row) throw AppError.notFound('user');
  if (!(await checkPassword(input.currentPassword, row.password_hash)))
    throw AppError.validation('body.currentPassword', 'this is not your current password');
  checkNewPassword('body.newPassword', input.newPassword);
  await store.updateUser(db, me.userId, { password_hash: await hashPassword(input.newPassword) });
  await revokeOtherSessionsOf(db, me.userId, me.sessionId);
  await links.usePasswordLinksOf(db, me.userId, new Date().toISOString());
  await auditEverywhere(db, me.userId, { actor, action: 'user.password.change' });
}

/** Sets a person's password for them: the instance operator's reset. Every session of theirs ends. */
export async function setPasswordOf(
  db: Db,
  actor: Actor,
  email: string,
  password: string,
  now = new Date(),
): Promise<Me> {
  const row = await store.findUserByEmail(db, normalizeEmail(email));
  if (!row) throw AppError.notFound(`login ${normalizeEmail(email)}`);
  checkNewPassword('password', password);
  await store.updateUser(db, row.id, { password_hash: await hashPassword(password) });
  await revokeSessionsOf(db, row.id);
  await links.usePasswordLinksOf(db, row.id, now.toISOString());
  await auditEverywhere(db, row.id, { actor, action: 'user.password.reset' });
  return { id: row.id, email: row.email, name: row.name };
}

/**
 * A single-use link for a person to set their own password, valid for 7 days (the instance operator's reset,
 * and the way in for a login made without a password). Returns the token, stored only as its hash.
 */
export async function createPasswordLink(
  db: Db,
  actor: Actor,
  email: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: string; user: Me }> {
  const row = await store.findUserByEmail(db, normalizeEmail(email));
  if (!row) throw AppError.notFound(`login ${normalizeEmail(email)}`);
  const token = randomToken();
  const expiresAt = linkExpiry(now);
  await links.insertPasswordLink(db, {
    id: sha256(token),
    user_id: row.id,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
  });
  await auditEverywhere(db, row.id, { actor, action: 'user.password.link', after: { expiresAt } });
  return { token, expiresAt, user: { id: row.id, email: row.email, name: row.name } };
}

async function usableLink(db: Db, token: string, now: Date) {
  const link = await links.findPasswordLink(db, sha256(token));
  if (!link) throw AppError.notFound('link');
  if (link.used_at) throw new AppError('forbidden', 'this link was already used: ask for a new one');
  if (link.expires_at <= now.toISOString()) throw new AppError('forbidden', 'this link has expired: ask for a new one');
  return link;
}

/** What a set-password link is for, before it is used. */
export async function previewPasswordLink(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ email: string; name: string; expiresAt: string }> {
  const link = await usableLink(db, token, now);
  return { email: link.email, name: link.name, expiresAt: link.expires_at };
}

/** Sets the password through a link, once; every session of the person ends. Returns their email to sign in with. */
export async function redeemPasswordLink(db: Db, token: string, password: string, now = new Date()): Promise<Me> {
  const link = await usableLink(db, token, now);
  checkNewPassword('body.password', password);
  if (!(await links.useLink(db, link.id, now.toISOString())))
    throw new AppError('forbidden', 'this link was already used: ask for a new one');
  await store.updateUser(db, link.user_id, { password_hash: await hashPassword(password) });
  await links.usePasswordLinksOf(db, link.user_id, now.toISOString());
  await revokeSessionsOf(db, link.user_id);
  await auditEverywhere(db, link.user_id, {
    actor: { type: 'user', id: link.user_id, label: link.email },
    action: 'user.password.set',
  });
  return { id: link.user_id, email: link.email, name: link.name };
}

/** The instance operator turns a login off (every session ends, no sign-in in any workspace) or on again. */
export async function setLoginDisabled(
  db: Db,
  actor: Actor,
  email: string,
  disabled: boolean,
  now = new Date(),
): Promise<Me> {
  const row = await store.findUserByEmail(db, normalizeEmail(email));
  if (!row) throw AppError.notFound(`login ${normalizeEmail(email)}`);
  await store.updateUser(db, row.id, { disabled_at: disabled ? (row.disabled_at ?? now.toISOString()) : null });
  if (disabled) await revokeSessionsOf(db, row.id);
  await auditEverywhere(db, row.id, { actor, action: disabled ? 'user.disable' : 'user.enable' });
  return { id: row.id, email: row.email, name: row.name };
}
