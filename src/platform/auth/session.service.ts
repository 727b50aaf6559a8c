import { recordAudit } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { nowIso } from '../ids.ts';
import { normalizeEmail } from '../identity/identity.ts';
import {
  findMembership,
  findUserByEmail,
  findWorkspaceBySlug,
  listWorkspacesOfUser,
} from '../identity/identity.store.ts';
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  accountKey,
  addressKey,
  lockMs,
  secondsUntil,
  type ThrottleRule,
} from './login-throttle.ts';
import * as throttle from './login-throttle.store.ts';
import { checkPassword } from './passwords.ts';
import type { Role } from './permissions.ts';
import type { Principal } from './principal.ts';
import * as store from './session.store.ts';
import { isStale, randomToken, sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'baton_session';

const BAD_LOGIN = 'email or password is wrong';

export interface LoginInput {
  email: string;
  password: string;
  workspace?: string;
  ip?: string;
  userAgent?: string;
  ttlHours: number;
  /** The clock: throttling windows and the session's expiry are counted from it. */
  now?: Date;
}

/** A sign-in's result: a refused one carries the error to answer once its bookkeeping is committed. */
export type LoginOutcome = { ok: true; token: string; workspaceId: string } | { ok: false; error: AppError };

/**
 * Checks a login and opens a session. The answer to a wrong password is the same whether or not the
 * user exists, and takes the same time. Failed attempts are counted per account and per address; while a run
 * of failures locks either, attempts are refused without looking at the password (for unknown emails too, so
 * a lockout says nothing about who has a login). Every refusal is audited in the workspace named, if it exists,
 * else in the workspaces of the account, if it exists. A refusal is returned, not thrown, so that the caller
 * commits its count and audit entry; the token is shown to nobody else.
 */
export async function attemptLogin(db: Db, input: LoginInput): Promise<LoginOutcome> {
  const now = input.now ?? new Date();
  const named = input.workspace ? await findWorkspaceBySlug(db, input.workspace.trim().toLowerCase()) : undefined;
  const checked = await verifyCredentials(db, { ...input, now, auditIn: named });
  if (!checked.ok) return checked;
  const { user } = checked;
  let workspaceId: string | undefined;
  if (input.workspace) {
    if (named && (await findMembership(db, named.id, user.id))) workspaceId = named.id;
    else return { ok: false, error: new AppError('forbidden', `you are not a member of workspace ${input.workspace}`) };
  } else {
    workspaceId = (await listWorkspacesOfUser(db, user.id))[0]?.id;
  }
  if (!workspaceId)
    return {
      ok: false,
      error: new AppError(
        'forbidden',
        'this login belongs to no workspace yet: accept an invitation, or ask an admin to invite you',
      ),
    };
  const token = await openSession(db, {
    userId: user.id,
    email: user.email,
    workspaceId,
    ip: input.ip,
    userAgent: input.userAgent,
    ttlHours: input.ttlHours,
    now,
  });
  return { ok: true, token, workspaceId };
}

/**
 * Checks an email and password under the sign-in throttle (see `attemptLogin`): for signing in, and wherever a
 * person proves who they are with their password. Refusals are counted and audited in `auditIn` if given, else in
 * the account's own workspaces.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; ip?: string; userAgent?: string; now?: Date; auditIn?: { id: string } },
): Promise<{ ok: true; user: { id: string; email: string } } | { ok: false; error: AppError }> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  const keys = [accountKey(email), ...(input.ip ? [addressKey(input.ip)] : [])];
  const user = await findUserByEmail(db, email);
  const refuse = async (reason: string, error: AppError) => {
    await auditFailedLogin(db, { email, user, named: input.auditIn, reason, ip: input.ip, userAgent: input.userAgent });
    return { ok: false as const, error };
  };

  const locks = (await throttle.selectLoginFailures(db, keys)).filter(
    (r) => r.locked_until !== null && r.locked_until > now.toISOString(),
  );
  if (locks.length > 0) {
    const until = locks
      .map((r) => r.locked_until as string)
      .sort()
      .at(-1) as string;
    const byAccount = locks.some((r) => r.key === keys[0]);
    const seconds = secondsUntil(until, now);
    const message = byAccount
      ? `too many failed sign-ins for this email: try again in ${waitText(seconds)}`
      : `too many failed sign-ins from this address: try again in ${waitText(seconds)}`;
    return refuse(
      byAccount ? 'account locked' : 'address locked',
      new AppError('rate_limited', message, { retryAfterSeconds: seconds }),
    );
  }

  const ok = await checkPassword(input.password, user?.password_hash);
  if (!user || !ok || user.disabled_at) {
    await countFailure(db, keys[0] as string, ACCOUNT_RULE, now);
    if (keys[1]) await countFailure(db, keys[1], ADDRESS_RULE, now);
    return refuse('wrong email or password', new AppError('unauthenticated', BAD_LOGIN));
  }
  await throttle.deleteLoginFailures(db, keys[0] as string);
  return { ok: true, user: { id: user.id, email: user.email } };
}

/** Signs in, throwing the refusal: for callers that own no bookkeeping to commit (tests, tools). */
export async function login(db: Db, input: LoginInput): Promise<{ token: string; workspaceId: string }> {
  const outcome = await attemptLogin(db, input);
  if (!outcome.ok) throw outcome.error;
  return outcome;
}

const waitText = (seconds: number): string =>
  seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;

async function countFailure(db: Db, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  const forgetBefore = new Date(now.getTime() - rule.forgetAfterMs).toISOString();
  const failures = await throttle.addLoginFailure(db, key, now.toISOString(), forgetBefore);
  const ms = lockMs(rule, failures);
  if (ms > 0) await throttle.setLockedUntil(db, key, new Date(now.getTime() + ms).toISOString());
}

/**
 * A refused sign-in in the audit log: in the workspace the attempt named, if it exists, else in each workspace
 * of the account, if it exists. The entry names the account only where it is a member.
 */
async function auditFailedLogin(
  db: Db,
  f: {
    email: string;
    user: { id: string } | undefined;
    named: { id: string } | undefined;
    reason: string;
    ip?: string;
    userAgent?: string;
  },
): Promise<void> {
  const workspaces = f.named
    ? [f.named.id]
    : f.user
      ? (await listWorkspacesOfUser(db, f.user.id)).map((w) => w.id)
      : [];
  for (const workspaceId of workspaces) {
    const member = f.user && (await findMembership(db, workspaceId, f.user.id)) ? f.user.id : null;
    await recordAudit(db, {
      workspaceId,
      actor: { type: 'user', id: member, label: f.email },
      action: 'session.login_failed',
      entityType: 'user',
      entityId: member,
      after: { email: f.email, reason: f.reason, ip: f.ip ?? null, userAgent: f.userAgent?.slice(0, 300) ?? null },
    });
  }
}

/** Opens a session for a person in a workspace they belong to; returns the cookie token. */
export async function openSession(
  db: Db,
  s: {
    userId: string;
    email: string;
    workspaceId: string;
    ip?: string;
    userAgent?: string;
    ttlHours: number;
    now?: Date;
  },
): Promise<string> {
  const token = randomToken();
  const now = s.now ?? new Date();
  await recordAudit(db, {
    workspaceId: s.workspaceId,
    actor: { type: 'user', id: s.userId, label: s.email },
    action: 'session.login',
    entityType: 'user',
    entityId: s.userId,
    after: { ip: s.ip ?? null, userAgent: s.userAgent?.slice(0, 300) ?? null },
  });
  await store.insertSession(db, {
    id: sha256(token),
    user_id: s.userId,
    workspace_id: s.workspaceId,
    csrf_token: randomToken(24),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + s.ttlHours * 3_600_000).toISOString(),
    last_seen_at: now.toISOString(),
    ip: s.ip ?? null,
    user_agent: s.userAgent?.slice(0, 300) ?? null,
  });
  return token;
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

/** Ends every session of a person but one (the one they are using). */
export const revokeOtherSessionsOf = (db: Db, userId: string, keepSessionId: string) =>
  store.deleteSessionsOfUserExcept(db, userId, keepSessionId);

export const purgeExpiredSessions = (db: Db) => store.deleteExpiredSessions(db, nowIso());
