/**
 * The measures a health score reads (pure): what each one is, which dimension it belongs to, which way is good,
 * and how an account's facts (gathered from earlier modules' faces) become each measure's raw value with the
 * words that say it. A measure an account has no data for is absent, never 0.
 */

export const DIMENSIONS = ['delivery', 'adoption', 'support', 'sentiment', 'relationship', 'commercial'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  delivery: 'Delivery',
  adoption: 'Adoption',
  support: 'Support',
  sentiment: 'Sentiment',
  relationship: 'Relationship',
  commercial: 'Commercial',
};

export const MEASURES = [
  'forecast_slip_days',
  'adoption_rate',
  'active_user_trend',
  'tickets_per_100_seats',
  'how_to_share',
  'first_response_hours',
  'nps',
  'csat',
  'sponsor_days_since_touch',
  'days_since_touch',
  'arr_change_90d',
  'last_invoice_failed',
] as const;
export type Measure = (typeof MEASURES)[number];

export interface MeasureInfo {
  dimension: Dimension;
  /** What the measure is, as a sentence begins ("30-day active users"). */
  label: string;
  /** Higher raw values are better (adoption) or worse (days late). */
  higherIsBetter: boolean;
  unit: string;
}

export const MEASURE_INFO: Record<Measure, MeasureInfo> = {
  forecast_slip_days: { dimension: 'delivery', label: 'forecast go-live', higherIsBetter: false, unit: 'days' },
  adoption_rate: { dimension: 'adoption', label: '30-day active users', higherIsBetter: true, unit: '%' },
  active_user_trend: { dimension: 'adoption', label: 'weekly active users', higherIsBetter: true, unit: '%' },
  tickets_per_100_seats: {
    dimension: 'support',
    label: 'tickets in the last 30 days per 100 seats',
    higherIsBetter: false,
    unit: 'tickets',
  },
  how_to_share: {
    dimension: 'support',
    label: 'how-to tickets in the last 90 days',
    higherIsBetter: false,
    unit: '%',
  },
  first_response_hours: {
    dimension: 'support',
    label: 'median first response in the last 90 days',
    higherIsBetter: false,
    unit: 'hours',
  },
  nps: { dimension: 'sentiment', label: 'NPS over the last year', higherIsBetter: true, unit: 'NPS' },
  csat: { dimension: 'sentiment', label: 'CSAT over the last year', higherIsBetter: true, unit: '%' },
  sponsor_days_since_touch: {
    dimension: 'relationship',
    label: "the executive sponsor's last touch",
    higherIsBetter: false,
    unit: 'days',
  },
  days_since_touch: {
    dimension: 'relationship',
    label: 'the last touch with anyone',
    higherIsBetter: false,
    unit: 'days',
  },
  arr_change_90d: { dimension: 'commercial', label: 'ARR over 90 days', higherIsBetter: true, unit: '%' },
  last_invoice_failed: { dimension: 'commercial', label: 'the last invoice', higherIsBetter: false, unit: 'failed' },
};

/** A measure's value for one account: the raw number the thresholds read and how it reads in words. */
export interface MeasureValue {
  raw: number;
  /** The value in words, after the label: "9 of 40 seats (23 %)". */
  detail: string;
}

/** What the earlier modules say of one account, as the measures read it; null where a module knows nothing. */
export interface AccountFacts {
  /** The most days an open project's forecast go-live lies after its promise (0: on time); null: none open. */
  slipDays: number | null;
  /** 30-day active users and licensed seats; null when usage has nothing for the account. */
  usage: { mau: number; seats: number | null; wau: number; wauFourWeeksBefore: number } | null;
  /**
   * Tickets: in the last 30 days (per licensed seat where seats are known), and of the last 90 days the how-to
   * ones and the median hours to a first response; null when the account has no ticket in the last 90 days.
   */
  support: {
    tickets30d: number;
    seats: number | null;
    tickets90d: number;
    howTo90d: number;
    medianFirstResponseHours: number | null;
  } | null;
  /** NPS and CSAT of the last year's answers. */
  nps: { nps: number; responses: number } | null;
  csat: { csat: number; responses: number } | null;
  /** Whole days since the executive sponsor's last touch; null without a touched sponsor. */
  sponsorDaysSinceTouch: number | null;
  /** Whole days since the last touch with any of the account's people. */
  daysSinceTouch: number | null;
  /** ARR today and 90 days ago (the reporting currency's unit); null without a paid subscription begun by then. */
  arr: { now: number; before: number; currency: string } | null;
  /** The last invoice billing reported for a running subscription; null when not known. */
  lastInvoice: { failed: boolean; at: string } | null;
}

const pct = (x: number) => Math.round(x * 100);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const money = (n: number, currency: string) => `${Math.round(n).toLocaleString('en-US')} ${currency}`;
const daysAgo = (d: number) => (d === 0 ? 'today' : `${plural(d, 'day')} ago`);

/** The measures an account has data for. */
export function measuresOf(f: AccountFacts): Partial<Record<Measure, MeasureValue>> {
  const out: Partial<Record<Measure, MeasureValue>> = {};
  if (f.slipDays !== null)
    out.forecast_slip_days = {
      raw: f.slipDays,
      detail: f.slipDays <= 0 ? 'on or before the promise' : `${plural(f.slipDays, 'day')} after the promise`,
    };
  if (f.usage && f.usage.seats !== null && f.usage.seats > 0) {
    const rate = f.usage.mau / f.usage.seats;
    out.adoption_rate = {
      raw: pct(rate),
      detail: `${f.usage.mau} of ${plural(f.usage.seats, 'seat')} (${pct(rate)} %)`,
    };
  }
  if (f.usage && f.usage.wauFourWeeksBefore > 0) {
    const change = pct((f.usage.wau - f.usage.wauFourWeeksBefore) / f.usage.wauFourWeeksBefore);
    const dir = change < 0 ? `down ${-change} %` : change > 0 ? `up ${change} %` : 'unchanged';
    out.active_user_trend = {
      raw: change,
      detail: `${f.usage.wau}, ${dir} on ${f.usage.wauFourWeeksBefore} four weeks before`,
    };
  }
  if (f.support && f.support.seats !== null && f.support.seats > 0) {
    const rate = Math.round((f.support.tickets30d / f.support.seats) * 1000) / 10;
    out.tickets_per_100_seats = {
      raw: rate,
      detail: `${rate} (${plural(f.support.tickets30d, 'ticket')} for ${plural(f.support.seats, 'seat')})`,
    };
  }
  if (f.support && f.support.tickets90d > 0)
    out.how_to_share = {
      raw: pct(f.support.howTo90d / f.support.tickets90d),
      detail:
        `${f.support.howTo90d} of ${plural(f.support.tickets90d, 'ticket')} ` +
        `(${pct(f.support.howTo90d / f.support.tickets90d)} %)`,
    };
  if (f.support && f.support.medianFirstResponseHours !== null)
    out.first_response_hours = {
      raw: f.support.medianFirstResponseHours,
      detail: plural(f.support.medianFirstResponseHours, 'hour'),
    };
  if (f.nps) out.nps = { raw: f.nps.nps, detail: `${f.nps.nps} from ${plural(f.nps.responses, 'answer')}` };
  if (f.csat)
    out.csat = { raw: f.csat.csat, detail: `${f.csat.csat} % satisfied from ${plural(f.csat.responses, 'answer')}` };
  if (f.sponsorDaysSinceTouch !== null)
    out.sponsor_days_since_touch = { raw: f.sponsorDaysSinceTouch, detail: daysAgo(f.sponsorDaysSinceTouch) };
  if (f.daysSinceTouch !== null) out.days_since_touch = { raw: f.daysSinceTouch, detail: daysAgo(f.daysSinceTouch) };
  if (f.arr && f.arr.before > 0) {
    const change = pct((f.arr.now - f.arr.before) / f.arr.before);
    const dir = change < 0 ? `down ${-change} %` : change > 0 ? `up ${change} %` : 'unchanged';
    out.arr_change_90d = {
      raw: change,
      detail: `${dir} (${money(f.arr.before, f.arr.currency)} to ${money(f.arr.now, f.arr.currency)})`,
    };
  }
  if (f.lastInvoice)
    out.last_invoice_failed = {
      raw: f.lastInvoice.failed ? 1 : 0,
      detail: `${f.lastInvoice.failed ? 'failed' : 'paid'} on ${f.lastInvoice.at.slice(0, 10)}`,
    };
  return out;
}
