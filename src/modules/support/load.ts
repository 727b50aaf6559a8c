/**
 * An account's support load after go-live (pure, DESIGN §5): tickets in the first 30, 60 and 90 days after
 * go-live per 100 licensed seats, the share of how-to tickets, the median hours to a first response and to a
 * resolution, and the service levels of the same tickets: breaches of the first-response and of the resolution
 * target (a ticket still open past its target counts as of `now`, passed in), escalations, reopens, CSAT.
 */
import {
  DEFAULT_SLA_TARGETS,
  type ServiceLevels,
  type ServiceLevelTicket,
  serviceLevels,
  type SlaTargets,
} from './service-levels.ts';

const DAY_MS = 86_400_000;
export const LOAD_WINDOWS = [30, 60, 90] as const;

export interface LoadTicket extends ServiceLevelTicket {
  category: string | null;
  createdAt: string;
  firstResponseAt: string | null;
  solvedAt: string | null;
}

export interface LoadWindow {
  days: number;
  tickets: number;
  /** Tickets per 100 licensed seats; null without seats. */
  per100Seats: number | null;
  /** Whether the window has ended by today (an open one counts only the days so far). */
  complete: boolean;
}

/** The service levels are of the same tickets as the how-to share. */
export interface SupportLoad extends ServiceLevels {
  goLive: string | null;
  seats: number | null;
  windows: LoadWindow[];
  /** Of the tickets in the 90 days after go-live (every ticket without a go-live). */
  tickets: number;
  howToShare: number | null;
  medianFirstResponseHours: number | null;
  medianResolutionHours: number | null;
  sentence: string;
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const hoursBetween = (from: string, to: string | null) =>
  to === null ? null : (Date.parse(to) - Date.parse(from)) / 3_600_000;
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function supportLoad(
  tickets: readonly LoadTicket[],
  goLive: string | null,
  seats: number | null,
  today: string,
  levels: { targets: SlaTargets; now: Date } = { targets: DEFAULT_SLA_TARGETS, now: new Date(`${today}T00:00:00Z`) },
): SupportLoad {
  const start = goLive ? Date.parse(`${goLive}T00:00:00Z`) : null;
  const after = (days: number) =>
    start === null
      ? []
      : tickets.filter((t) => {
          const at = Date.parse(t.createdAt);
          return at >= start && at < start + days * DAY_MS;
        });
  const windows = LOAD_WINDOWS.map((days) => {
    const n = after(days).length;
    return {
      days,
      tickets: n,
      per100Seats: seats ? round1((n / seats) * 100) : null,
      complete: start !== null && Date.parse(`${today}T00:00:00Z`) >= start + days * DAY_MS,
    };
  });
  const measured = start === null ? tickets : after(90);
  const howTo = measured.length ? measured.filter((t) => t.category === 'how_to').length / measured.length : null;
  const response = median(
    measured.map((t) => hoursBetween(t.createdAt, t.firstResponseAt)).filter((h): h is number => h !== null),
  );
  const resolution = median(
    measured.map((t) => hoursBetween(t.createdAt, t.solvedAt)).filter((h): h is number => h !== null),
  );
  const w30 = windows[0]!;
  const sentence =
    start === null
      ? `No go-live recorded: ${tickets.length} tickets in all` +
        `${howTo === null ? '' : `, ${Math.round(howTo * 100)} % how-to`}.`
      : `${w30.tickets} tickets in the first 30 days after go-live on ${goLive}` +
        (w30.per100Seats === null ? ' (no licensed seats known)' : ` (${w30.per100Seats} per 100 licensed seats)`) +
        (howTo === null
          ? '.'
          : `; ${Math.round(howTo * 100)} % of the first 90 days' tickets ask how to do something.`);
  return {
    goLive,
    seats,
    windows,
    tickets: measured.length,
    howToShare: howTo === null ? null : Math.round(howTo * 1000) / 1000,
    medianFirstResponseHours: round1(response),
    medianResolutionHours: round1(resolution),
    ...serviceLevels(measured, levels.targets, levels.now),
    sentence,
  };
}
