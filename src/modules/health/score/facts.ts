/**
 * An account's facts as the measures read them (pure), from what the earlier modules' faces give: open projects'
 * promises and forecasts, usage numbers, survey answers, contacts with their last touch, touches and subscriptions.
 * Nothing dated after `now` is read.
 */
import { csatOf, npsOf } from '../../relationship/index.ts';
import type { AccountFacts } from './measures.ts';

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const shift = (day: string, days: number) => new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);
const OPEN_PROJECT = new Set(['queued', 'active']);

export interface ProjectFacts {
  status: string;
  promisedGoLive: string | null;
  /** The forecast go-live, or the later day a slip recorded by hand expects. */
  forecastGoLive: string | null;
}
export interface UsageFacts {
  mau: number;
  seats: number | null;
  wau: number;
  wauFourWeeksBefore: number;
}
export interface AnswerFacts {
  kind: 'nps' | 'csat';
  score: number;
  at: string;
}
export interface ContactFacts {
  role: string;
  lastTouchAt: string | null;
  leftAt: string | null;
}
export interface SubscriptionFacts {
  start: string;
  end: string | null;
  arrCents: number;
  trial: boolean;
  lastInvoice: { status: 'paid' | 'payment_failed'; at: string } | null;
}

export interface TicketFacts {
  category: string | null;
  createdAt: string;
  firstResponseAt: string | null;
}

export interface RawAccountFacts {
  projects: readonly ProjectFacts[];
  usage: UsageFacts | null;
  answers: readonly AnswerFacts[];
  contacts: readonly ContactFacts[];
  touchedAt: readonly string[];
  subscriptions: readonly SubscriptionFacts[];
  currency: string;
  /** Support tickets (absent where support is not read). */
  tickets?: readonly TicketFacts[];
}

const arrOn = (subs: readonly SubscriptionFacts[], day: string) =>
  subs.reduce((s, x) => (!x.trial && x.start <= day && (x.end === null || x.end > day) ? s + x.arrCents : s), 0) / 100;

const latest = (times: ReadonlyArray<string | null>, end: string): string | null =>
  times.reduce<string | null>((a, t) => (t !== null && t <= end && (a === null || t > a) ? t : a), null);

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const v = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
};

/** The last 30 and 90 days' tickets up to `now`, their how-to share and median first response; null with none. */
function supportFacts(tickets: readonly TicketFacts[], seats: number | null, now: Date): AccountFacts['support'] {
  const end = now.getTime();
  const within = (days: number) =>
    tickets.filter((t) => {
      const at = Date.parse(t.createdAt);
      return at <= end && at > end - days * DAY_MS;
    });
  const last90 = within(90);
  if (last90.length === 0) return null;
  const hours = last90
    .filter((t) => t.firstResponseAt !== null)
    .map((t) => (Date.parse(t.firstResponseAt!) - Date.parse(t.createdAt)) / 3_600_000)
    .filter((h) => h >= 0);
  const m = median(hours);
  return {
    tickets30d: within(30).length,
    seats,
    tickets90d: last90.length,
    howTo90d: last90.filter((t) => t.category === 'how_to').length,
    medianFirstResponseHours: m === null ? null : Math.round(m * 10) / 10,
  };
}

/** NPS and CSAT by relationship's rules (DESIGN §5) over the year up to `now`. */
export function accountFacts(raw: RawAccountFacts, now: Date): AccountFacts {
  const end = now.toISOString();
  const today = end.slice(0, 10);
  const slips = raw.projects
    .filter((p) => OPEN_PROJECT.has(p.status) && p.promisedGoLive && p.forecastGoLive)
    .map((p) => Math.max(0, dayNumber(p.forecastGoLive as string) - dayNumber(p.promisedGoLive as string)));
  const yearAgo = shift(today, -365);
  const recent = raw.answers.filter((a) => a.at <= end && a.at.slice(0, 10) > yearAgo);
  const nps = npsOf(recent.filter((a) => a.kind === 'nps').map((a) => a.score));
  const csat = csatOf(recent.filter((a) => a.kind === 'csat').map((a) => a.score));
  const sponsorTouch = latest(
    raw.contacts.filter((c) => c.role === 'executive_sponsor' && c.leftAt === null).map((c) => c.lastTouchAt),
    end,
  );
  const anyTouch = latest([...raw.touchedAt, ...raw.contacts.map((c) => c.lastTouchAt)], end);
  const since = (t: string | null) => (t === null ? null : Math.max(0, dayNumber(today) - dayNumber(t)));
  const paid = raw.subscriptions.filter((s) => !s.trial && s.arrCents > 0 && s.start <= today);
  const running = paid.filter((s) => s.end === null || s.end > today);
  const invoice = running
    .map((s) => s.lastInvoice)
    .filter((i): i is NonNullable<typeof i> => i !== null && i.at <= end)
    .sort((a, b) => (a.at < b.at ? 1 : -1))[0];
  return {
    slipDays: slips.length ? Math.max(...slips) : null,
    usage: raw.usage,
    support: supportFacts(raw.tickets ?? [], raw.usage?.seats ?? null, now),
    nps: nps.nps === null ? null : { nps: nps.nps, responses: nps.responses },
    csat: csat.csat === null ? null : { csat: csat.csat, responses: csat.responses },
    sponsorDaysSinceTouch: since(sponsorTouch),
    daysSinceTouch: since(anyTouch),
    arr: paid.length
      ? { now: arrOn(paid, today), before: arrOn(paid, shift(today, -90)), currency: raw.currency }
      : null,
    lastInvoice: invoice ? { failed: invoice.status === 'payment_failed', at: invoice.at } : null,
  };
}
