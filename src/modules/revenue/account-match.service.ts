/**
 * Which account a subscription or a Stripe customer belongs to, through the accounts module: by a reference (the
 * account's Baton id, a CRM or billing id an import recorded, or a domain), else by its exact name. A reference
 * several accounts share matches none: never guessed.
 */
import { accountNameIndex, accountsByReference } from '../accounts/index.ts';
import type { Db } from '../../platform/db/database.ts';

export interface AccountClues {
  /** References in order of trust (a metadata id, a billing id, a domain …); the first that matches wins. */
  refs: readonly (string | null)[];
  name?: string | null;
}

export interface AccountMatcher {
  /** Each clue's account, by the clue's position; absent when none matches. */
  match(db: Db, clues: readonly AccountClues[]): Promise<Array<string | null>>;
}

/** A matcher for one workspace; account names are read once, references per call. */
export async function accountMatcher(db: Db, workspaceId: string): Promise<AccountMatcher> {
  let names: Map<string, string> | null = null;
  return {
    match: async (trx, clues) => {
      const refs = [...new Set(clues.flatMap((c) => c.refs.filter((r): r is string => Boolean(r))))];
      const byRef = refs.length ? await accountsByReference(trx, workspaceId, refs) : new Map<string, string>();
      const out: Array<string | null> = [];
      for (const c of clues) {
        const hit = c.refs.find((r) => r && byRef.has(r));
        if (hit) {
          out.push(byRef.get(hit) as string);
          continue;
        }
        if (c.name) {
          names ??= await accountNameIndex(trx, workspaceId);
          out.push(names.get(c.name.trim().toLowerCase()) ?? null);
        } else out.push(null);
      }
      return out;
    },
  };
}
