/**
 * Commitments (DESIGN §3): promises made to a customer in the sale, the words used, and product's status.
 * Types and pure rules only: how strong the words were, when a promise is exposed, overdue or unscoped.
 */
import { STRENGTHS, type Strength, WORD_RULES } from './commitment-words.ts';

export { STRENGTHS, type Strength } from './commitment-words.ts';

/** Product's status of a promise, weakest first (`STATUS_RANK`). */
export const COMMITMENT_STATUSES = [
  'declined',
  'not_reviewed',
  'under_consideration',
  'planned',
  'committed',
  'shipped',
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** declined < not_reviewed < under_consideration < planned < committed < shipped. */
export const STATUS_RANK: Readonly<Record<CommitmentStatus, number>> = Object.freeze(
  Object.fromEntries(COMMITMENT_STATUSES.map((s, i) => [s, i])) as Record<CommitmentStatus, number>,
);

/** What the words were read as, and why. */
export interface WordsReading {
  strength: Strength;
  /** The phrase that decided it, as written; null when no phrase of the table matched. */
  phrase: string | null;
  /** The table entry it matched (`"coming soon"`, `a quarter` …), or why none did. */
  rule: string;
  /** Every phrase read, in order of appearance, after overlaps were resolved. */
  matches: Array<{ phrase: string; strength: Strength; rule: string }>;
}

/** Words no phrase of the table explains are read as intent: something was promised, with no date. */
export const UNMATCHED_STRENGTH: Strength = 'intent';

const normalizeQuotes = (text: string): string => text.replace(/[\u2018\u2019\u02bc]/g, "'");

/**
 * Reads the words used in the sale as a strength (`vague < intent < firm`), explaining which phrase decided
 * it. Every phrase of `WORD_RULES` is found; where two overlap the longer is kept (so "not committed" beats
 * "committed"); the strongest remaining phrase wins, the earliest among equals.
 */
export function classifyWords(words: string): WordsReading {
  const text = normalizeQuotes(words);
  const lower = text.toLowerCase();
  const found: Array<{ start: number; end: number; strength: Strength; rule: string }> = [];
  for (const rule of WORD_RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of lower.matchAll(rule.pattern)) {
      const raw = m[0];
      const lead = raw.length - raw.trimStart().length;
      const phrase = raw.trim();
      if (phrase === '') continue;
      const start = (m.index ?? 0) + lead;
      found.push({ start, end: start + phrase.length, strength: rule.strength, rule: rule.label });
    }
  }
  // Longest first; a phrase overlapping one already kept is a part of it (or a negation of it): dropped.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof found = [];
  for (const f of found) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  kept.sort((a, b) => a.start - b.start);
  const matches = kept.map((k) => ({ phrase: text.slice(k.start, k.end), strength: k.strength, rule: k.rule }));
  const rank = (s: Strength) => STRENGTHS.indexOf(s);
  const best = matches.reduce<(typeof matches)[number] | undefined>(
    (b, m) => (!b || rank(m.strength) > rank(b.strength) ? m : b),
    undefined,
  );
  if (!best)
    return {
      strength: UNMATCHED_STRENGTH,
      phrase: null,
      rule: `no phrase of the table matched: read as ${UNMATCHED_STRENGTH}`,
      matches,
    };
  return { strength: best.strength, phrase: best.phrase, rule: best.rule, matches };
}

/**
 * The weakest status that keeps a promise of each strength covered; below it the promise is **exposed**.
 *
 * | words | covered when status is | exposed when status is |
 * |---|---|---|
 * | vague | any (nothing was promised but attention) | never |
 * | intent | planned, committed, shipped | declined, not_reviewed, under_consideration |
 * | firm | committed, shipped | declined, not_reviewed, under_consideration, planned |
 *
 * So a declined promise is always exposed unless the words were vague.
 */
export const COVERING_STATUS: Readonly<Record<Strength, CommitmentStatus | null>> = Object.freeze({
  vague: null,
  intent: 'planned',
  firm: 'committed',
});

export interface Exposure {
  exposed: boolean;
  /** The status the words need; null for vague words. */
  needs: CommitmentStatus | null;
  /** How many status steps short of `needs` (0 when covered). */
  gap: number;
  /** Why it is exposed, in a sentence; null when it is not. */
  reason: string | null;
}

const STATUS_WORDS: Readonly<Record<CommitmentStatus, string>> = {
  declined: 'declined',
  not_reviewed: 'not reviewed',
  under_consideration: 'under consideration',
  planned: 'planned',
  committed: 'committed',
  shipped: 'shipped',
};
export const statusWords = (s: CommitmentStatus): string => STATUS_WORDS[s];

/** Whether product's status is weaker than what the words promised (`COVERING_STATUS`), and why. */
export function exposureOf(reading: Pick<WordsReading, 'strength' | 'phrase'>, status: CommitmentStatus): Exposure {
  const needs = COVERING_STATUS[reading.strength];
  if (needs === null) return { exposed: false, needs, gap: 0, reason: null };
  const gap = Math.max(0, STATUS_RANK[needs] - STATUS_RANK[status]);
  if (gap === 0) return { exposed: false, needs, gap, reason: null };
  const heard = reading.phrase ? ` ("${reading.phrase}")` : '';
  const need = needs === 'committed' ? 'committed or shipped' : 'planned or better';
  return {
    exposed: true,
    needs,
    gap,
    reason: `the words were ${reading.strength}${heard} but product's status is ${statusWords(status)}; ${reading.strength} words need ${need}`,
  };
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The UTC calendar date of an instant, YYYY-MM-DD. */
export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Overdue: the due date has passed (before `today`) and the promise is not shipped. Days overdue, or null. */
export function daysOverdue(c: { dueDate: string | null; status: CommitmentStatus }, today: string): number | null {
  if (!c.dueDate || c.status === 'shipped') return null;
  const days = daysBetween(c.dueDate, today);
  return days > 0 ? days : null;
}

/**
 * Unscoped: product has not reviewed it, or it is still open (not shipped, not declined) with no due date.
 * The contract-terms report counts the deals signed with such promises linked to them.
 */
export function isUnscoped(c: { dueDate: string | null; status: CommitmentStatus }): boolean {
  if (c.status === 'not_reviewed') return true;
  return c.dueDate === null && c.status !== 'shipped' && c.status !== 'declined';
}

/** One change of product's status, as the history keeps it; the first entry (from null) records the promise. */
export interface StatusChange {
  id: string;
  from: CommitmentStatus | null;
  to: CommitmentStatus;
  note: string | null;
  changedBy: { userId: string | null; label: string };
  changedAt: string;
}

/** A promise in the ledger as the API answers it. */
export interface Commitment {
  id: string;
  accountId: string;
  /** The account's name now (null when the account is out of the reader's scope). */
  accountName: string | null;
  dealId: string | null;
  dealName: string | null;
  what: string;
  toContactId: string | null;
  /** The contact's name when the promise was recorded, or the free-text name. */
  toName: string;
  words: string;
  strength: Strength;
  /** The phrase of the words that decided their strength. */
  matchedPhrase: string | null;
  status: CommitmentStatus;
  dueDate: string | null;
  roadmapItem: string | null;
  madeBy: { userId: string | null; label: string };
  madeOn: string;
  exposed: boolean;
  /** Why it is exposed; null when it is not. */
  exposure: string | null;
  overdue: boolean;
  daysOverdue: number | null;
  unscoped: boolean;
  createdAt: string;
  updatedAt: string;
}
