import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

const roleName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'use 2–40 lowercase letters, digits or underscores, starting with a letter');

/** The roles a workspace adds to the defaults (`delivery.roles`). */
export const DELIVERY_ROLES_SETTING = defineSetting({
  key: 'delivery.roles',
  schema: z.array(roleName).max(50),
  defaultValue: [] as string[],
});
