/**
 * Which accounts a partner firm reads besides those assigned to it: the accounts of the work it does for the
 * workspace. Only later modules know that work (delivery: the projects a firm delivers), so this is an extension
 * point: each such module's answer is added once by the composition root (`src/app/modules.ts`), and the accounts
 * module asks them without naming them. With none added, a partner user reads its firm's accounts only.
 */
import type { Db } from '../../platform/db/database.ts';

/** The ids of the accounts a partner firm works on in a workspace, as one later module knows them. */
export type PartnerAccountSource = (db: Db, workspaceId: string, partnerId: string) => Promise<readonly string[]>;

let sources: readonly PartnerAccountSource[] = [];

/** Adds a source of the accounts partner firms work on (the composition root does, once per source). */
export function addPartnerAccountSource(source: PartnerAccountSource): void {
  if (!sources.includes(source)) sources = [...sources, source];
}

/** The accounts a partner firm works on, from every source added, each once. */
export async function accountsWorkedOnBy(db: Db, workspaceId: string, partnerId: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const source of sources) for (const id of await source(db, workspaceId, partnerId)) ids.add(id);
  return [...ids];
}
