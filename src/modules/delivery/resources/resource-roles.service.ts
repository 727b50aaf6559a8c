/** The workspace's delivery roles: the defaults and its own, read and replaced. */
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import { knownRoles, type RoleList } from './resource.ts';
import { DELIVERY_ROLES_SETTING } from './resource-roles.settings.ts';
import { countResourcesWithRole } from './resource.store.ts';
import { DEFAULT_DELIVERY_ROLES } from './roles.ts';

export async function getRoleList(db: Db, workspaceId: string): Promise<RoleList> {
  const custom = await readSetting(db, workspaceId, DELIVERY_ROLES_SETTING);
  return { defaults: [...DEFAULT_DELIVERY_ROLES], custom, roles: knownRoles(custom) };
}

export const knownRolesOf = async (db: Db, workspaceId: string): Promise<string[]> =>
  (await getRoleList(db, workspaceId)).roles;

/**
 * Replaces the workspace's own roles. A role still held by people cannot be removed (409 naming it): their
 * plans would point at a role nobody may pick any more.
 */
export async function setCustomRoles(db: Db, actor: Actor, workspaceId: string, roles: string[]): Promise<RoleList> {
  const wanted = [...new Set(roles.map((r) => r.trim()))].filter(
    (r) => !(DEFAULT_DELIVERY_ROLES as readonly string[]).includes(r),
  );
  const current = await readSetting(db, workspaceId, DELIVERY_ROLES_SETTING);
  const removed = current.filter((r) => !wanted.includes(r));
  const inUse = await countResourcesWithRole(db, workspaceId, removed);
  const held = [...inUse].filter(([, n]) => n > 0);
  if (held.length > 0) {
    const list = held.map(([role, n]) => `${role} (${n} ${n === 1 ? 'person' : 'people'})`).join(', ');
    throw new AppError('conflict', `body.roles: still held by people: ${list}; give them another role first`, {
      fieldErrors: [{ field: 'body.roles', message: `still held by people: ${list}` }],
    });
  }
  await writeSetting(db, actor, workspaceId, DELIVERY_ROLES_SETTING, wanted);
  return getRoleList(db, workspaceId);
}
