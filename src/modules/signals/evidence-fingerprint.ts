/** The evidence's fingerprint: what tells a refreshed signal's evidence from the one it was dismissed on. Pure. */
import { createHash } from 'node:crypto';

/**
 * Evidence that moves with the calendar, not with the customer: the day judged and counts of days that grow by one
 * each day (a sponsor untouched for 71 days instead of 70 is the same warning). Left out of the fingerprint.
 */
const CALENDAR_KEYS = new Set(['asOf', 'daysToRenewal', 'workingDaysBlocked']);
const isCalendarKey = (key: string): boolean => CALENDAR_KEYS.has(key) || key.startsWith('daysSince');

/** JSON with keys sorted at every level and the calendar's keys left out: the same evidence reads the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && !isCalendarKey(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A stable hash of the evidence's decisive numbers and records, whatever the order of keys or the day judged. */
export const evidenceFingerprint = (evidence: Record<string, unknown>): string =>
  createHash('sha256').update(canonicalJson(evidence)).digest('hex').slice(0, 32);
