/**
 * The project an accepted brief started, shown with the brief. Projects are delivery's, a later module, so this is
 * an extension point: the composition root (`src/app/modules.ts`) provides delivery's answer once, and the handoffs
 * module asks it without naming delivery. With none provided, a brief names no project.
 */
import type { Db } from '../../platform/db/database.ts';

/** The id of the project a brief started, or null when it started none. */
export type BriefProjectSource = (db: Db, workspaceId: string, briefId: string) => Promise<string | null>;

let source: BriefProjectSource | null = null;

/** Provides where the project of a brief is found (the composition root does, once). */
export function setBriefProjectSource(answer: BriefProjectSource): void {
  source = answer;
}

export const projectOfBrief = (db: Db, workspaceId: string, briefId: string): Promise<string | null> =>
  source ? source(db, workspaceId, briefId) : Promise.resolve(null);
