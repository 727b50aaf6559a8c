/** What every change of a brief shares: the state machine's check, a version that always moves, the timeline entry. */
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { type BriefAction, type BriefState, nextState } from './handoff.ts';
import * as store from './handoff.store.ts';

/** The state an action moves the brief to, or a conflict saying why it may not. */
export function check(state: BriefState, action: BriefAction): BriefState {
  const next = nextState(state, action);
  if (!next.ok) throw new AppError('conflict', next.reason);
  return next.state;
}

/** A timestamp strictly after `before`, so that the brief's version changes even within a millisecond. */
export const later = (now: string, before: string): string =>
  now > before ? now : new Date(Date.parse(before) + 1).toISOString();

/** Writes the brief's timeline entry of a change. */
export async function logEvent(
  db: Db,
  workspaceId: string,
  briefId: string,
  actor: Actor,
  from: BriefState | null,
  to: BriefState,
  completeness: number,
  note: string | null,
) {
  await store.insertEvent(db, {
    id: newId(),
    workspace_id: workspaceId,
    brief_id: briefId,
    at: nowIso(),
    actor_label: actor.label,
    actor_id: actor.id,
    from_state: from,
    to_state: to,
    completeness,
    note,
  });
}
