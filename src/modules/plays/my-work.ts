/**
 * My work: one list of what a person should do next, from the signals on the accounts they own, the project tasks
 * and play tasks assigned to them and the questions on their briefs, the money at stake first. Pure: the figures are
 * given.
 */

export const WORK_KINDS = ['signal', 'task', 'clarification', 'play_task'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const OWNER_ROLE_WORDS = {
  ae: 'account executive',
  delivery_lead: 'delivery lead',
  csm: 'CSM',
  account_manager: 'account manager',
} as const;
export type OwnerRoleKey = keyof typeof OWNER_ROLE_WORDS;

/** An account's money as health reads it: ARR today and, once churn risk is scored, the ARR at risk. */
export interface AccountMoney {
  arr: number;
  arrAtRisk: number | null;
  probability: number | null;
}

export interface WorkItem {
  kind: WorkKind;
  /** The signal's, task's or question's id. */
  id: string;
  title: string;
  account: { id: string; name: string } | null;
  /** YYYY-MM-DD, or null when nothing is due on a day. */
  due: string | null;
  /** The account's ARR at risk once scored, else its whole ARR; null when the reader may not see money. */
  moneyAtRisk: number | null;
  /** Why it is in the list, in a sentence with its numbers. */
  why: string;
  /** The web page to act on it. */
  href: string;
  /** For signals: what the actions need. */
  signal: { attention: string; severity: string; kind: string; snoozedUntil: string | null } | null;
}

/** One person's queue as of a day. */
export interface MyWork {
  userId: string;
  today: string;
  /** The currency of the money figures; null when the reader may not see money. */
  currency: string | null;
  items: WorkItem[];
}

/** The money at stake on an account: its ARR at risk where scored, else all of its ARR (none without revenue). */
export function moneyAtRisk(m: AccountMoney | undefined): number | null {
  if (!m) return null;
  if (m.arrAtRisk !== null) return m.arrAtRisk;
  return m.arr > 0 ? m.arr : null;
}

const money = (n: number, currency: string) =>
  `${currency} ${Math.round(n).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

/** The account's money in words, or '' when the reader may not see it. */
export function moneySentence(name: string, m: AccountMoney | undefined, currency: string | null): string {
  if (!m || currency === null) return '';
  if (m.arrAtRisk !== null && m.probability !== null) {
    const risk = `${Math.round(m.probability * 100)} % churn risk`;
    return `${risk} puts ${money(m.arrAtRisk, currency)} of ${name}’s ${money(m.arr, currency)} ARR at risk`;
  }
  if (m.arr > 0) return `${name} has ${money(m.arr, currency)} ARR, not scored for churn risk yet`;
  return `${name} has no running subscription`;
}

/** Joins sentence parts that are not empty: "A; b." */
export const sentence = (...parts: string[]): string => {
  const text = parts.filter(Boolean).join('; ');
  return text ? `${text[0]?.toUpperCase()}${text.slice(1)}.` : '';
};

/** Why a play task is in the list: the play, what started it, and where it was reassigned. */
export function playTaskWhy(
  t: { playName: string; trigger: string; assignmentNote: string | null; due: string },
  today: string,
): string {
  const late = t.due < today ? `overdue since ${t.due}` : t.due === today ? 'due today' : '';
  return sentence(`the play “${t.playName}” started on ${t.trigger}`, late, t.assignmentNote ?? '');
}

/** Money at stake first (most first, none last), then the soonest due (none last), then by title. */
export function orderWork(items: readonly WorkItem[]): WorkItem[] {
  return [...items].sort((a, b) => {
    const ma = a.moneyAtRisk ?? -1;
    const mb = b.moneyAtRisk ?? -1;
    if (ma !== mb) return mb - ma;
    if (a.due !== b.due) {
      if (a.due === null) return 1;
      if (b.due === null) return -1;
      return a.due < b.due ? -1 : 1;
    }
    return a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
  });
}
