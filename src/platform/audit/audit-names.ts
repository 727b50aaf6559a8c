import type { Db } from '../db/database.ts';
import { partnerNamesOf, userNamesOf } from '../identity/identity.names.ts';

export type NameLookup = (db: Db, workspaceId: string, ids: readonly string[]) => Promise<Map<string, string>>;

/**
 * The platform's audited kinds Baton can name; each module declares its own in its manifest. The audit log names
 * the record changed at read time, so a renamed account shows its name of today.
 */
export const PLATFORM_AUDIT_NAMES: Readonly<Record<string, NameLookup>> = {
  user: userNamesOf,
  partner: partnerNamesOf,
};
