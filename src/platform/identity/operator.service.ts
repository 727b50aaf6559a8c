import type { Role } from '../auth/permissions.ts';
import type { Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import type { Member } from './identity.ts';
import { createLogin, ensureLogin, findLoginByEmail } from './login.service.ts';
import { grantMembership } from './member.service.ts';

/**
 * The instance operator adds a person to a workspace at once (first start, `baton user create`, the demo
 * writer): the login is made if there is none, with the password if one is given. A password is never set on
 * a login that exists (its owner changes it; the operator resets it with `baton user set-password`).
 */
export async function addPersonDirectly(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: { email: string; name?: string; role: Role; partnerId?: string | null; password?: string },
): Promise<{ member: Member; createdLogin: boolean; hasPassword: boolean }> {
  let login: { id: string; created: boolean; hasPassword: boolean };
  if (input.password !== undefined) {
    if (await findLoginByEmail(db, input.email))
      throw AppError.validation(
        'password',
        'this person already has a Baton login and keeps their password (reset it with `baton user set-password`)',
      );
    login = {
      ...(await createLogin(db, { email: input.email, name: input.name, password: input.password })),
      created: true,
      hasPassword: true,
    };
  } else {
    login = await ensureLogin(db, { email: input.email, name: input.name });
  }
  const member = await grantMembership(db, actor, workspaceId, {
    userId: login.id,
    role: input.role,
    partnerId: input.partnerId ?? null,
  });
  return { member, createdLogin: login.created, hasPassword: login.hasPassword };
}
