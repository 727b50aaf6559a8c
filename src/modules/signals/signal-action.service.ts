import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { userNamesOf } from '../../platform/identity/identity.names.ts';
import { accountNamesById } from '../accounts/index.ts';
import {
  type ActionInput,
  actionSentence,
  applyAction,
  type Attention,
  type DismissReason,
  type SignalAction,
  type SignalActionEntry,
} from './attention.ts';
import { evidenceFingerprint } from './evidence-fingerprint.ts';
import type { Signal } from './signal.ts';
import { insertSignalAction, selectSignalActions, updateSignalAttention } from './signal-action.store.ts';
import { toSignal } from './signal.service.ts';

/** A signal with what people did about it, oldest first. */
export type SignalWithHistory = Signal & { history: SignalActionEntry[] };

async function findRow(db: Db, scope: Scope, id: string) {
  const row = await db
    .selectFrom('signals')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw AppError.notFound('Signal');
  if (scope.partnerId) {
    // A partner firm's users see signals on the accounts the firm delivers, no other.
    const visible = await accountNamesById(db, scope);
    if (!row.account_id || !visible.has(row.account_id)) throw AppError.notFound('Signal');
  }
  return row;
}

/** A signal's history in words, with the names of the people who acted. */
export async function signalHistory(db: Db, workspaceId: string, signalId: string): Promise<SignalActionEntry[]> {
  const rows = await selectSignalActions(db, workspaceId, signalId);
  const ids = [...new Set(rows.map((r) => r.by_user_id).filter((v): v is string => v !== null))];
  const names = ids.length ? await userNamesOf(db, workspaceId, ids) : new Map<string, string>();
  return rows.map((r) => {
    const entry = {
      action: r.action as SignalAction,
      at: r.at,
      byUserId: r.by_user_id,
      by: (r.by_user_id ? names.get(r.by_user_id) : undefined) ?? r.by_label,
      note: r.note,
      reason: r.reason as DismissReason | null,
      until: r.until,
    };
    return { ...entry, sentence: actionSentence(entry) };
  });
}

/** One signal of the caller's workspace (and firm) with its history, its attention as of `today`. */
export async function getSignal(db: Db, scope: Scope, id: string, today: string): Promise<SignalWithHistory> {
  const row = await findRow(db, scope, id);
  return { ...toSignal(row, today), history: await signalHistory(db, scope.workspaceId, id) };
}

/**
 * A person acknowledges, snoozes, dismisses or reopens a signal: its attention changes, the action joins its
 * history and the audit log, all in the caller's transaction. `now` is the server's clock (the day a snooze
 * must come after).
 */
export async function actOnSignal(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: string,
  input: ActionInput,
  now: Date,
): Promise<SignalWithHistory> {
  const row = await findRow(db, scope, id);
  const today = now.toISOString().slice(0, 10);
  const evidence = JSON.parse(row.evidence) as Record<string, unknown>;
  const current = {
    attention: row.attention as Attention,
    snoozedUntil: row.snoozed_until,
    dismissedFingerprint: row.dismissed_fingerprint,
    resolved: row.resolved_at !== null,
  };
  const out = applyAction(current, input, today, evidenceFingerprint(evidence));
  if ('refused' in out) {
    const { field, message } = out.refused;
    throw field ? AppError.validation(field, message) : new AppError('conflict', message);
  }
  await updateSignalAttention(db, scope.workspaceId, id, out.next);
  const at = now.toISOString();
  const detail = {
    note: input.note?.trim() || null,
    reason: input.action === 'dismiss' ? input.reason : null,
    until: input.action === 'snooze' ? input.until : null,
  };
  await insertSignalAction(db, {
    workspaceId: scope.workspaceId,
    signalId: id,
    action: input.action,
    at,
    byUserId: actor.type === 'user' ? actor.id : null,
    byLabel: actor.label,
    ...detail,
  });
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: `signal.${input.action}`,
    entityType: 'signal',
    entityId: id,
    before: { attention: toSignal(row, today).attention },
    after: { attention: out.next.attention, ...detail },
  });
  return getSignal(db, scope, id, today);
}

/** Signals' titles by id, for the audit log. */
export async function signalTitlesOf(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('signals')
    .select(['id', 'title'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}
