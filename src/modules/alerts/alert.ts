/**
 * Alerts: who hears of a signal, how, and when. Pure: the subscription's shape, the filter a raised signal passes,
 * quiet hours, the retry schedule and the outcome of an attempt.
 */
import { SEVERITIES, type Severity, type SignalStage } from '../signals/index.ts';

export const CHANNELS = ['slack', 'email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];
export const MODES = ['immediate', 'daily_digest'] as const;
export type Mode = (typeof MODES)[number];
/** Which accounts' signals: every account, or only those the subscription's person owns (AE, lead, CSM, AM). */
export const ACCOUNT_SCOPES = ['all', 'mine'] as const;
export type AccountScope = (typeof ACCOUNT_SCOPES)[number];
/** `sending`: claimed by one worker (until its lease ends); `failed`: tried, waiting for its retry. */
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Attempts before a delivery is dead (listed, replayable). */
export const MAX_ATTEMPTS = 6;
/** Failed attempts in a row after which a subscription is disabled, with the reason. */
export const DISABLE_AFTER_FAILURES = 10;

export interface QuietHours {
  /** Local hour (0–23) when quiet starts, and when it ends (exclusive); 22 → 7 spans midnight. */
  startHour: number;
  endHour: number;
  timeZone: string;
}

export interface AlertSubscription {
  id: string;
  channel: Channel;
  /** An email address, a webhook URL, or a Slack webhook URL with its token hidden. */
  target: string;
  /** Whether a secret is stored (a webhook's signing secret); the secret itself is never shown. */
  hasSecret: boolean;
  /** Chain stages it hears of; empty: every stage. */
  stages: SignalStage[];
  minSeverity: Severity;
  mode: Mode;
  /** A person's own subscription; null: the workspace's. */
  userId: string | null;
  /** `mine`: only signals on the accounts its person owns (a person's own subscription only). */
  accounts: AccountScope;
  /** Its person's play tasks due reach it: in the digest, or in a morning message when immediate. */
  playTasks: boolean;
  quietHours: QuietHours | null;
  enabled: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Whether a raised signal reaches a subscription sending at once. `owners`: the people who own the signal's account
 * (needed only by a subscription limited to its person's accounts; a signal on no account never reaches one).
 */
export function wantsSignal(
  sub: Pick<AlertSubscription, 'enabled' | 'mode' | 'minSeverity' | 'userId' | 'accounts'> & {
    stages: readonly SignalStage[];
  },
  signal: { stage: SignalStage; severity: Severity },
  owners: readonly string[] = [],
): boolean {
  if (!sub.enabled || sub.mode !== 'immediate') return false;
  if (sub.stages.length > 0 && !sub.stages.includes(signal.stage)) return false;
  if (sub.accounts === 'mine' && (sub.userId === null || !owners.includes(sub.userId))) return false;
  return SEVERITIES.indexOf(signal.severity) >= SEVERITIES.indexOf(sub.minSeverity);
}

/** One alert per signal and severity: a signal that rises is told again, one that refreshes is not. */
export const signalEventKey = (signalId: string, severity: Severity): string => `signal:${signalId}:${severity}`;

/** Wait before attempt `attempts + 1`: 1 min, 4 min, 16 min, 64 min, 4 h 16 min, capped at 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(6 * 3_600_000, 60_000 * 4 ** Math.max(0, attempts - 1));
}

/** What an attempt leaves: sent, failed with a time to try again, or dead after the last attempt. */
export function afterAttempt(
  attempts: number,
  ok: boolean,
  now: Date,
): { status: 'sent' | 'failed' | 'dead'; nextAttemptAt: string | null } {
  if (ok) return { status: 'sent', nextAttemptAt: null };
  if (attempts >= MAX_ATTEMPTS) return { status: 'dead', nextAttemptAt: null };
  return { status: 'failed', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString() };
}

/** The local hour of a moment in a time zone. */
export function localHour(at: Date, timeZone: string): number {
  const h = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(at);
  return Number(h);
}

export function isQuiet(at: Date, q: QuietHours): boolean {
  if (q.startHour === q.endHour) return false;
  const h = localHour(at, q.timeZone);
  return q.startHour < q.endHour ? h >= q.startHour && h < q.endHour : h >= q.startHour || h < q.endHour;
}

/** When an alert raised at `at` may be sent: at once (null), or the first whole hour after quiet hours end. */
export function sendableFrom(at: Date, q: QuietHours | null): Date | null {
  if (!q || !isQuiet(at, q)) return null;
  const hour = 3_600_000;
  for (let t = Math.floor(at.getTime() / hour + 1) * hour, i = 0; i < 48; t += hour, i++) {
    if (!isQuiet(new Date(t), q)) return new Date(t);
  }
  return null;
}

export const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** A Slack incoming webhook URL as shown: its host and the token's last four characters. */
export function maskSlackUrl(url: string): string {
  const u = new URL(url);
  const last = u.pathname.replace(/\/$/, '').slice(-4);
  return `${u.origin}/…${last}`;
}
