import { accountNamesOf } from '../../modules/accounts/account-lookup.service.ts';
import { dealNamesOf } from '../../modules/deals/deal.names.ts';
import { playbookNamesOf, projectNamesOf, resourceNamesOf } from '../../modules/delivery/delivery.names.ts';
import { briefNamesOf } from '../../modules/handoffs/handoff.names.ts';
import type { Db } from '../db/database.ts';
import { partnerNamesOf, userNamesOf } from '../identity/identity.names.ts';

export type NameLookup = (db: Db, workspaceId: string, ids: readonly string[]) => Promise<Map<string, string>>;

/**
 * Every kind of audited record Baton can name, declared once with the function of its module that knows the
 * names: the audit log names the record changed at read time, so a renamed account shows its name of today.
 */
export const AUDIT_NAMES: Record<string, NameLookup> = {
  account: accountNamesOf,
  deal: dealNamesOf,
  handoff_brief: briefNamesOf,
  project: projectNamesOf,
  playbook: playbookNamesOf,
  delivery_resource: resourceNamesOf,
  user: userNamesOf,
  partner: partnerNamesOf,
};
