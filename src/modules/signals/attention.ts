/**
 * What people did about a signal (acknowledged, snoozed, dismissed, reopened) and what that means when its rule
 * fires again. Pure: no clock, no database; the day is given. The web app reads it too (no Node modules here).
 */
export const ATTENTIONS = ['new', 'acknowledged', 'snoozed', 'dismissed'] as const;
export type Attention = (typeof ATTENTIONS)[number];

/** The list filters: a state, or `active` (new or acknowledged: what a work list shows). */
export const ATTENTION_FILTERS = [...ATTENTIONS, 'active'] as const;
export type AttentionFilter = (typeof ATTENTION_FILTERS)[number];

export const DISMISS_REASONS = ['not_relevant', 'false_positive', 'handled_elsewhere', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export const DISMISS_REASON_WORDS: Record<DismissReason, string> = {
  not_relevant: 'not relevant',
  false_positive: 'false positive',
  handled_elsewhere: 'handled elsewhere',
  other: 'other',
};

/** What a person does; `returned` is Baton's own row when a dismissed signal's evidence changed. */
export const SIGNAL_ACTIONS = ['acknowledge', 'snooze', 'dismiss', 'reopen', 'returned'] as const;
export type SignalAction = (typeof SIGNAL_ACTIONS)[number];

/** The attention a signal has as stored: its state, a snooze's last day away, the evidence it was dismissed on. */
export interface StoredAttention {
  attention: Attention;
  snoozedUntil: string | null;
  dismissedFingerprint: string | null;
}

/**
 * The attention as a reader sees it on `today` (YYYY-MM-DD): a snooze ends on its day, when the signal is new
 * again (no job moves it; the read does).
 */
export function effectiveAttention(a: Pick<StoredAttention, 'attention' | 'snoozedUntil'>, today: string): Attention {
  if (a.attention === 'snoozed' && (!a.snoozedUntil || a.snoozedUntil <= today)) return 'new';
  return a.attention;
}

/**
 * When a rule refreshes an open signal with evidence of this fingerprint: a dismissed one stays dismissed while
 * its evidence reads the same, and is new again (`returned`) once it differs. Other states are kept.
 */
export function attentionOnRefresh(
  a: StoredAttention,
  fingerprint: string,
): { next: StoredAttention; returned: boolean } {
  if (a.attention !== 'dismissed') return { next: a, returned: false };
  if (a.dismissedFingerprint === fingerprint) return { next: a, returned: false };
  return { next: { attention: 'new', snoozedUntil: null, dismissedFingerprint: null }, returned: true };
}

export type ActionInput =
  | { action: 'acknowledge'; note?: string | null }
  | { action: 'snooze'; until: string; note?: string | null }
  | { action: 'dismiss'; reason: DismissReason; note?: string | null }
  | { action: 'reopen'; note?: string | null };

export type ActionRefusal = { field: string | null; message: string };

/**
 * The attention after a person's action, or why it is refused (naming the field when one is at fault).
 * `today` is YYYY-MM-DD; `fingerprint` is that of the signal's evidence now (a dismissal remembers it).
 */
export function applyAction(
  current: StoredAttention & { resolved: boolean },
  input: ActionInput,
  today: string,
  fingerprint: string,
): { next: StoredAttention } | { refused: ActionRefusal } {
  if (current.resolved)
    return { refused: { field: null, message: 'the signal is resolved: its rule no longer holds' } };
  const state = effectiveAttention(current, today);
  const cleared = { snoozedUntil: null, dismissedFingerprint: null };
  switch (input.action) {
    case 'acknowledge':
      if (state === 'acknowledged') return { refused: { field: null, message: 'the signal is already acknowledged' } };
      return { next: { attention: 'acknowledged', ...cleared } };
    case 'snooze':
      if (!(input.until > today))
        return { refused: { field: 'body.until', message: `must be after today (${today})` } };
      return { next: { attention: 'snoozed', snoozedUntil: input.until, dismissedFingerprint: null } };
    case 'dismiss':
      if (input.reason === 'other' && !input.note?.trim())
        return { refused: { field: 'body.note', message: 'say why when the reason is other' } };
      if (state === 'dismissed') return { refused: { field: null, message: 'the signal is already dismissed' } };
      return { next: { attention: 'dismissed', snoozedUntil: null, dismissedFingerprint: fingerprint } };
    case 'reopen':
      if (state === 'new') return { refused: { field: null, message: 'the signal is already new' } };
      return { next: { attention: 'new', ...cleared } };
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "3 Dec 2026" from an ISO date or timestamp (UTC). */
export const dayWords = (iso: string): string => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? ''} ${y}`;
};

/** One row of a signal's history. */
export interface SignalActionEntry {
  action: SignalAction;
  at: string;
  byUserId: string | null;
  /** The person's name (or what the audit recorded: an API key's name); null for Baton itself. */
  by: string | null;
  note: string | null;
  reason: DismissReason | null;
  until: string | null;
  /** The row in words: "Dismissed by Ana Ruiz on 3 Dec 2026: false positive — ‘seats are a reseller’s’". */
  sentence: string;
}

/** A history row in words. */
export function actionSentence(e: Omit<SignalActionEntry, 'sentence'>): string {
  const who = e.by ? ` by ${e.by}` : '';
  const on = ` on ${dayWords(e.at)}`;
  const note = e.note ? `‘${e.note}’` : '';
  switch (e.action) {
    case 'acknowledge':
      return `Acknowledged${who}${on}${note ? `: ${note}` : ''}`;
    case 'snooze':
      return `Snoozed${who}${on} until ${e.until ? dayWords(e.until) : '?'}${note ? `: ${note}` : ''}`;
    case 'dismiss': {
      const reason = e.reason ? DISMISS_REASON_WORDS[e.reason] : '';
      return `Dismissed${who}${on}: ${[reason, note].filter(Boolean).join(' — ')}`;
    }
    case 'reopen':
      return `Reopened${who}${on}${note ? `: ${note}` : ''}`;
    case 'returned':
      return `Back as new${on}: its evidence changed since it was dismissed`;
  }
}
