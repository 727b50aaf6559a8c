/**
 * Which account a ticket belongs to, through the accounts module's face: by the account's CRM id, else the
 * help desk's organization name (or domain), else the requester's email domain. A clue several accounts
 * share matches none: never guessed.
 */
import { accountNameIndex, accountsByReference } from '../accounts/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { emailDomain } from './ticket.ts';

export interface TicketClues {
  accountExternalId: string | null;
  organization: string | null;
  requesterEmail: string | null;
}

/** Each ticket's account, by position; null when none matches. */
export async function matchAccounts(
  db: Db,
  workspaceId: string,
  tickets: readonly TicketClues[],
): Promise<Array<string | null>> {
  const refs = new Set<string>();
  for (const t of tickets) {
    if (t.accountExternalId) refs.add(t.accountExternalId);
    if (t.organization?.includes('.')) refs.add(t.organization);
    const domain = emailDomain(t.requesterEmail);
    if (domain) refs.add(domain);
  }
  const byRef = refs.size ? await accountsByReference(db, workspaceId, refs) : new Map<string, string>();
  let names: Map<string, string> | null = null;
  const out: Array<string | null> = [];
  for (const t of tickets) {
    const byId = t.accountExternalId ? byRef.get(t.accountExternalId) : undefined;
    if (byId) {
      out.push(byId);
      continue;
    }
    if (t.organization) {
      names ??= await accountNameIndex(db, workspaceId);
      const byName = names.get(t.organization.trim().toLowerCase()) ?? byRef.get(t.organization);
      if (byName) {
        out.push(byName);
        continue;
      }
    }
    const domain = emailDomain(t.requesterEmail);
    out.push((domain && byRef.get(domain)) || null);
  }
  return out;
}
