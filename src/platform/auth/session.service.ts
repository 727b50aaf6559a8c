import { recordAudit } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { nowIso } from '../ids.ts';
import { normalizeEmail } from '../identity/identity.ts';
import { findMembership, findUserByEmail, findWorkspaceBySlug, listWorkspacesOfUser } from '../identity/identity.store.ts';
import { checkPassword } from './passwords.ts';
import type { Role } from './permissions.ts';
import type { Principal } from './principal.ts';
import * as store from './session.store.ts';
import { isStale, randomToken, sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'baton_session';

const BAD_LOGIN = 'email or password is wrong';

/**
 * Checks a login and opens a session. The answer to a wrong password is the same whether or not the
 * user exists, and takes the same time. Returns the cookie token (shown to nobody else).
 */
export async function login(
  db: Db,
  input: { email: string; password: string; workspace?: string; ip?: string; userAgent?: string; ttlHours: number },
): Promise<{ token: string; workspaceId: string }> {
  const user = await findUserByEmail(db, normalizeEmail(input.email));
  const ok = await checkPassword(input.password, user?.password_hash);
  if (!user || !ok || user.disabled_at) throw new AppError('unauthenticated', BAD_LOGIN);
  let workspaceId: string | undefined;
  if (input.workspace) {
    const ws = await findWorkspaceBySlug(db, input.workspace.toLowerCase());
    if (ws && (await findMembership(db, ws.id, user.id))) workspaceId = ws.id;
    else throw new AppError('forbidden', `you are not a member of workspace ${input.workspace}`);
  } else {
    workspaceId = (await listWorkspacesOfUser(db, user.id))[0]?.id;
  }
  if (!workspaceId) throw new AppError('forbidden', 'this login belongs to no workspace yet: ask an admin to add you');
  const token = randomToken();
  const now = new Date();
  await recordAudit(db, {
    workspaceId,
    actor: { type: 'user', id: user.id, label: user.email },
    action: 'session.login',
    entityType: 'user',
    entityId: user.id,
    after: { ip: input.ip ?? null, userAgent: input.userAgent?.slice(0, 300) ?? null },
  });
  await store.insertSession(db, {
    id: sha256(token),
    user_id: user.id,
    workspace_id: workspaceId,
    csrf_token: randomToken(24),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + input.ttlHours * 3_600_000).toISOString(),
    last_seen_at: now.toISOString(),
    ip: input.ip ?? null,
    user_agent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, workspaceId };
}

/** Resolves a session cookie to a principal, or undefined when the session is unknown or over. */
export async function principalFromSession(db: Db, token: string): Promise<Principal | undefined> {
  const now = new Date();
  const id = sha256(token);
  const row = await store.findLiveSession(db, id, now.toISOString());
  if (!row) return undefined;
  if (isStale(row.last_seen_at, now)) await store.touchSession(db, id, now.toISOString());
  return {
    kind: 'user',
    userId: row.user_id,
    email: row.email,
    workspaceId: row.workspace_id,
    role: row.role as Role,
    partnerId: row.partner_id,
    sessionId: id,
    csrfToken: row.csrf_token,
  };
}

export async function logout(db: Db, sessionId: string): Promise<void> {
  await store.deleteSession(db, sessionId);
}

/** Moves a session to another workspace the user belongs to. */
export async function switchWorkspace(db: Db, principal: Principal, workspaceId: string): Promise<void> {
  if (principal.kind !== 'user') throw new AppError('forbidden', 'only a signed-in person can switch workspaces');
  if (!(await findMembership(db, workspaceId, principal.userId))) throw AppError.notFound('workspace');
  await store.setSessionWorkspace(db, principal.sessionId, workspaceId);
}

export const revokeSessionsOf = (db: Db, userId: string, workspaceId?: string) =>
  store.deleteSessionsOfUser(db, userId, workspaceId);

export const purgeExpiredSessions = (db: Db) => store.deleteExpiredSessions(db, nowIso());
