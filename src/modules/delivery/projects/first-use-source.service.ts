/**
 * When an account's users first did an event, on or after a day: milestones completed by real use need it, and only
 * a later module knows it (usage, from its daily rollups). So this is an extension point: the composition root
 * (`src/app/lookups.ts`) sets the answer, and delivery asks without naming who answers. With none set, no
 * milestone is completed by usage.
 */
import type { Db } from '../../../platform/db/database.ts';

export interface FirstUseQuery {
  accountId: string;
  /** The event as usage rolls it up (a track call's event; `page:<name>` for page views). */
  event: string;
  since: string;
}

/** The first day of use for each query that has one, keyed `accountId + "\u0000" + event`. */
export type FirstUseSource = (
  db: Db,
  workspaceId: string,
  queries: readonly FirstUseQuery[],
) => Promise<Map<string, string>>;

let source: FirstUseSource | undefined;

/** Sets where first uses are read from (the composition root does, once). */
export function setFirstUseSource(answer: FirstUseSource): void {
  source = answer;
}

export const firstUseDays: FirstUseSource = async (db, workspaceId, queries) =>
  source ? source(db, workspaceId, queries) : new Map();
