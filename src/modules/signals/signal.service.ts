import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { publish } from '../../platform/events/domain-events.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { accountNamesById } from '../accounts/index.ts';
import { type Attention, type AttentionFilter, attentionOnRefresh, effectiveAttention } from './attention.ts';
import { evidenceFingerprint } from './evidence-fingerprint.ts';
import { insertSignalAction, whereAttention } from './signal-action.store.ts';
import { explainSignal } from './signal-explanation.ts';
import './signal.events.ts';
import { SEVERITIES, type Severity, type Signal, SIGNAL_KINDS, type SignalKind, type SignalStage } from './signal.ts';
import type { SignalTable } from './signal.table.ts';

type SignalRow = Selectable<SignalTable>;

/** A row as a signal, its attention as of `today` (YYYY-MM-DD). */
export const toSignal = (r: SignalRow, today: string = nowIso().slice(0, 10)): Signal => {
  const evidence = JSON.parse(r.evidence) as Record<string, unknown>;
  return {
    id: r.id,
    accountId: r.account_id,
    kind: r.kind,
    stage: r.stage as SignalStage,
    severity: r.severity as Severity,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    title: r.title,
    evidence,
    explanation: explainSignal(r.kind, evidence),
    suggestedPlay: r.suggested_play,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
    attention: effectiveAttention({ attention: r.attention as Attention, snoozedUntil: r.snoozed_until }, today),
    snoozedUntil: r.attention === 'snoozed' && r.snoozed_until && r.snoozed_until > today ? r.snoozed_until : null,
  };
};

export interface RaiseSignal {
  workspaceId: string;
  kind: SignalKind;
  accountId: string | null;
  severity: Severity;
  subjectType: string;
  subjectId: string;
  title: string;
  evidence: Record<string, unknown>;
}

/**
 * Raises a signal, or refreshes the open one of the same kind on the same subject (its evidence and
 * severity are replaced, its first sighting kept): a rule that fires again never duplicates its warning.
 */
export async function raiseSignal(db: Db, s: RaiseSignal): Promise<Signal> {
  const now = nowIso();
  const open = await db
    .selectFrom('signals')
    .selectAll()
    .where('workspace_id', '=', s.workspaceId)
    .where('kind', '=', s.kind)
    .where('subject_id', '=', s.subjectId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  if (open) {
    const stored = {
      attention: open.attention as Attention,
      snoozedUntil: open.snoozed_until,
      dismissedFingerprint: open.dismissed_fingerprint,
    };
    const { next, returned } = attentionOnRefresh(stored, evidenceFingerprint(s.evidence));
    const patch = {
      severity: s.severity,
      title: s.title,
      evidence: JSON.stringify(s.evidence),
      last_seen_at: now,
      account_id: s.accountId ?? open.account_id,
      attention: next.attention,
      snoozed_until: next.snoozedUntil,
      dismissed_fingerprint: next.dismissedFingerprint,
    };
    await db.updateTable('signals').set(patch).where('id', '=', open.id).execute();
    // A dismissed warning whose evidence changed is back, and its history says why.
    if (returned)
      await insertSignalAction(db, { workspaceId: s.workspaceId, signalId: open.id, action: 'returned', at: now });
    const signal = toSignal({ ...open, ...patch });
    // A severity that rose is news (alerts), unless the signal stays dismissed.
    const before = open.severity as Severity;
    if (SEVERITIES.indexOf(s.severity) > SEVERITIES.indexOf(before) && next.attention !== 'dismissed')
      await publishRaised(db, s.workspaceId, signal, before);
    return signal;
  }
  const row: SignalRow = {
    id: newId(),
    workspace_id: s.workspaceId,
    account_id: s.accountId,
    kind: s.kind,
    stage: SIGNAL_KINDS[s.kind].stage,
    severity: s.severity,
    subject_type: s.subjectType,
    subject_id: s.subjectId,
    title: s.title,
    evidence: JSON.stringify(s.evidence),
    suggested_play: SIGNAL_KINDS[s.kind].play,
    first_seen_at: now,
    last_seen_at: now,
    resolved_at: null,
    resolution: null,
    attention: 'new',
    snoozed_until: null,
    dismissed_fingerprint: null,
  };
  await db.insertInto('signals').values(row).execute();
  const signal = toSignal(row);
  await publishRaised(db, s.workspaceId, signal, null);
  return signal;
}

/** Tells later modules (alerts) that a signal opened or rose, in the raising transaction. */
const publishRaised = (db: Db, workspaceId: string, s: Signal, previousSeverity: Severity | null) =>
  publish(db, 'signals.raised', {
    workspaceId,
    signalId: s.id,
    accountId: s.accountId,
    kind: s.kind,
    stage: s.stage,
    severity: s.severity,
    previousSeverity,
    title: s.title,
    explanation: s.explanation,
    suggestedPlay: s.suggestedPlay,
    at: s.lastSeenAt,
  });

/** Resolves the open signals of a kind on a subject (the condition no longer holds). Returns how many. */
export async function resolveSignals(
  db: Db,
  workspaceId: string,
  kind: SignalKind,
  subjectId: string,
  resolution: string,
): Promise<number> {
  const res = await db
    .updateTable('signals')
    .set({ resolved_at: nowIso(), resolution })
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

const isKey = (v: unknown): v is { at: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { at?: unknown }).at === 'string' &&
  typeof (v as { id?: unknown }).id === 'string';

export interface SignalFilter {
  accountId?: string;
  subjectId?: string;
  stage?: SignalStage;
  /** true: open only; false: resolved only; undefined: both. */
  open?: boolean;
  /** Partner users see only signals on their firm's accounts. */
  partnerId?: string | null;
  /** What people did about them; `active` is new or acknowledged. Any attention when left out. */
  attention?: AttentionFilter;
  /** The day read (YYYY-MM-DD), which ends snoozes: today by the server's clock. */
  today?: string;
  limit: number;
  cursor?: string;
}

/** Signals newest first. */
export async function listSignals(
  db: Db,
  workspaceId: string,
  f: SignalFilter,
): Promise<{ items: Signal[]; nextCursor: string | null }> {
  let q = db.selectFrom('signals').selectAll('signals').where('signals.workspace_id', '=', workspaceId);
  if (f.accountId) q = q.where('signals.account_id', '=', f.accountId);
  if (f.subjectId) q = q.where('signals.subject_id', '=', f.subjectId);
  if (f.stage) q = q.where('signals.stage', '=', f.stage);
  if (f.open === true) q = q.where('signals.resolved_at', 'is', null);
  if (f.open === false) q = q.where('signals.resolved_at', 'is not', null);
  const today = f.today ?? nowIso().slice(0, 10);
  if (f.attention) q = whereAttention(q, f.attention, today);
  if (f.partnerId) {
    // The accounts module says which accounts the firm's users see; no signal about another account shows.
    const visible = [...(await accountNamesById(db, { workspaceId, partnerId: f.partnerId })).keys()];
    if (visible.length === 0) return { items: [], nextCursor: null };
    q = q.where('signals.account_id', 'in', visible);
  }
  const before = decodeCursor(f.cursor, isKey);
  if (before) {
    q = q.where((eb) =>
      eb.or([
        eb('signals.last_seen_at', '<', before.at),
        eb.and([eb('signals.last_seen_at', '=', before.at), eb('signals.id', '<', before.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('signals.last_seen_at', 'desc')
    .orderBy('signals.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const items = rows.slice(0, f.limit).map((r) => toSignal(r, today));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > f.limit && last ? encodeCursor({ at: last.lastSeenAt, id: last.id }) : null,
  };
}

/**
 * Brings a rule's signals in line with what holds now: raises (or refreshes) each held signal, and resolves the
 * open signals of the same kinds on the same subjects that no longer hold. Subjects are the ones evaluated.
 */
export async function reconcileSignals(
  db: Db,
  workspaceId: string,
  evaluated: { kinds: readonly SignalKind[]; subjectIds: readonly string[] },
  held: readonly RaiseSignal[],
  resolution: string,
): Promise<{ raised: number; resolved: number }> {
  for (const s of held) await raiseSignal(db, s);
  const still = new Set(held.map((s) => `${s.kind}\u0000${s.subjectId}`));
  let resolved = 0;
  for (let i = 0; i < evaluated.subjectIds.length; i += 500) {
    const chunk = evaluated.subjectIds.slice(i, i + 500);
    if (chunk.length === 0 || evaluated.kinds.length === 0) continue;
    const open = await db
      .selectFrom('signals')
      .select(['id', 'kind', 'subject_id'])
      .where('workspace_id', '=', workspaceId)
      .where('kind', 'in', evaluated.kinds)
      .where('subject_id', 'in', chunk)
      .where('resolved_at', 'is', null)
      .execute();
    const gone = open.filter((o) => !still.has(`${o.kind}\u0000${o.subject_id}`)).map((o) => o.id);
    if (gone.length > 0) {
      await db
        .updateTable('signals')
        .set({ resolved_at: nowIso(), resolution })
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', gone)
        .execute();
      resolved += gone.length;
    }
  }
  return { raised: held.length, resolved };
}
