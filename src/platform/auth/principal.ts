import { type Access, type ApiKeyScope, type Role, roleAllows, scopeAllows } from './permissions.ts';

/** Who is making a request, resolved once by the auth hook. */
export type Principal =
  | {
      kind: 'user';
      userId: string;
      email: string;
      workspaceId: string;
      role: Role;
      /** Set for partner users: they see only their firm's accounts and projects. */
      partnerId: string | null;
      sessionId: string;
      csrfToken: string;
    }
  | { kind: 'api_key'; keyId: string; name: string; workspaceId: string; scope: ApiKeyScope; partnerId: null };

/** Who did something, as the audit log records it. */
export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  label: string;
  requestId?: string;
}

/** The tenant boundary every store query takes: a workspace, narrowed to one partner firm for partner users. */
export interface Scope {
  workspaceId: string;
  partnerId: string | null;
}

export function can(principal: Principal, access: Access): boolean {
  if (access === 'public' || access === 'signed_in') return true;
  return principal.kind === 'user' ? roleAllows(principal.role, access) : scopeAllows(principal.scope, access);
}

export function actorOf(principal: Principal, requestId?: string): Actor {
  return principal.kind === 'user'
    ? { type: 'user', id: principal.userId, label: principal.email, requestId }
    : { type: 'api_key', id: principal.keyId, label: `api key ${principal.name}`, requestId };
}

export const scopeOf = (principal: Principal): Scope => ({
  workspaceId: principal.workspaceId,
  partnerId: principal.partnerId,
});

export const SYSTEM_ACTOR: Actor = Object.freeze({ type: 'system', id: null, label: 'baton' });
