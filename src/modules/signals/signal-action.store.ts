import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import type { AttentionFilter, SignalAction, StoredAttention } from './attention.ts';
import type { SignalActionTable } from './signal.table.ts';

export type SignalActionRow = Selectable<SignalActionTable>;

/** Narrows a signals query to an attention as of `today`: a snooze whose day has come counts as new. */
export function whereAttention<O>(
  q: SelectQueryBuilder<Database, 'signals', O>,
  filter: AttentionFilter,
  today: string,
): SelectQueryBuilder<Database, 'signals', O> {
  return q.where((eb) => {
    const snoozeOver = eb.and([
      eb('signals.attention', '=', 'snoozed'),
      eb.or([eb('signals.snoozed_until', 'is', null), eb('signals.snoozed_until', '<=', today)]),
    ]);
    switch (filter) {
      case 'new':
        return eb.or([eb('signals.attention', '=', 'new'), snoozeOver]);
      case 'active':
        return eb.or([eb('signals.attention', 'in', ['new', 'acknowledged']), snoozeOver]);
      case 'snoozed':
        return eb.and([eb('signals.attention', '=', 'snoozed'), eb('signals.snoozed_until', '>', today)]);
      default:
        return eb('signals.attention', '=', filter);
    }
  });
}

/** Adds one row to a signal's history. */
export async function insertSignalAction(
  db: Db,
  a: {
    workspaceId: string;
    signalId: string;
    action: SignalAction;
    at: string;
    byUserId?: string | null;
    byLabel?: string | null;
    note?: string | null;
    reason?: string | null;
    until?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('signal_actions')
    .values({
      id: newId(),
      workspace_id: a.workspaceId,
      signal_id: a.signalId,
      action: a.action,
      by_user_id: a.byUserId ?? null,
      by_label: a.byLabel ?? null,
      at: a.at,
      note: a.note ?? null,
      reason: a.reason ?? null,
      until: a.until ?? null,
    })
    .execute();
}

/** A signal's history, oldest first. */
export const selectSignalActions = (db: Db, workspaceId: string, signalId: string): Promise<SignalActionRow[]> =>
  db
    .selectFrom('signal_actions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('signal_id', '=', signalId)
    .orderBy('at')
    .orderBy('id')
    .execute();

/** Stores a signal's new attention. */
export async function updateSignalAttention(
  db: Db,
  workspaceId: string,
  id: string,
  a: StoredAttention,
): Promise<void> {
  await db
    .updateTable('signals')
    .set({ attention: a.attention, snoozed_until: a.snoozedUntil, dismissed_fingerprint: a.dismissedFingerprint })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}
