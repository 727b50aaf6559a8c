/**
 * Failed sign-ins, counted per account and per client address (OWASP ASVS v4 2.2.1): after a run of failures
 * further attempts are refused for a window that doubles with each further failure, up to an hour. A correct
 * password once the window is over clears the account's count. Pure rules; the counts live in `login_failures`.
 */

export interface ThrottleRule {
  /** Failures in a row before attempts are refused. */
  threshold: number;
  /** The first refusal window; each further failure doubles it. */
  baseLockMs: number;
  maxLockMs: number;
  /** A run of failures is forgotten after this long without one. */
  forgetAfterMs: number;
}

export const ACCOUNT_RULE: ThrottleRule = {
  threshold: 5,
  baseLockMs: 60_000,
  maxLockMs: 3_600_000,
  forgetAfterMs: 24 * 3_600_000,
};
/** A wider net for one address trying many accounts (an office behind one address has many people). */
export const ADDRESS_RULE: ThrottleRule = {
  threshold: 50,
  baseLockMs: 60_000,
  maxLockMs: 3_600_000,
  forgetAfterMs: 3_600_000,
};

export const accountKey = (email: string): string => `account:${email}`;
export const addressKey = (ip: string): string => `address:${ip}`;

/** How long attempts are refused after this many failures in a row (0: not refused). */
export function lockMs(rule: ThrottleRule, failures: number): number {
  if (failures < rule.threshold) return 0;
  return Math.min(rule.baseLockMs * 2 ** Math.min(failures - rule.threshold, 30), rule.maxLockMs);
}

/** Whole seconds until `lockedUntil`, at least one. */
export const secondsUntil = (lockedUntil: string, now: Date): number =>
  Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
