/** A subscription table's row → a subscription record (pure), every problem of the row reported at once. */
import { FieldReader } from '../../../platform/imports/field-reader.ts';
import type { RowResult } from '../../../platform/imports/map-rows.ts';
import type { FormatProfile } from '../../../platform/imports/profile.ts';
import { parseBoolean } from '../../../platform/imports/values/booleans.ts';
import { type DateOrder, parseDate } from '../../../platform/imports/values/dates.ts';
import { fail, ok, type Parsed } from '../../../platform/imports/values/parsed.ts';
import type { SubscriptionRecord } from '../subscription.service.ts';
import { arrCentsOf, toCents } from '../subscription.ts';
import type { SubscriptionField } from './subscription-fields.ts';

/** Largest ARR one subscription may carry (a typo guard): a billion a year. */
const MAX_AMOUNT = 1_000_000_000;

/** An amount of money as files write it: `2786`, `1,234.50`, `1234.5`; never negative. */
export function parseAmount(raw: string): Parsed<number | null> {
  const t = raw.trim().replace(/^[$€£]/, '');
  if (t === '') return ok(null);
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replaceAll(',', '') : t;
  if (!/^\d+(\.\d+)?$/.test(plain)) return fail(`"${raw}" is not an amount (write 1234.50)`);
  const value = Number(plain);
  if (value > MAX_AMOUNT) return fail(`${raw} is more than ${MAX_AMOUNT.toLocaleString('en')} a year`);
  return ok(value);
}

export function parseCurrency(raw: string): Parsed<string | null> {
  const t = raw.trim();
  if (t === '') return ok(null);
  return /^[A-Za-z]{3}$/.test(t)
    ? ok(t.toUpperCase())
    : fail(`"${raw}" is not a three-letter currency code (USD, EUR …)`);
}

const PERIODS = new Map([
  ['monthly', 'monthly'],
  ['month', 'monthly'],
  ['mo', 'monthly'],
  ['quarterly', 'quarterly'],
  ['quarter', 'quarterly'],
  ['annual', 'annual'],
  ['annually', 'annual'],
  ['yearly', 'annual'],
  ['year', 'annual'],
]);

export const parsePeriod = (raw: string): Parsed<string | null> => {
  const t = raw.trim().toLowerCase();
  if (t === '') return ok(null);
  return ok(PERIODS.get(t) ?? t.slice(0, 40));
};

const bool = (raw: string): Parsed<boolean | null> => (raw.trim() === '' ? ok(null) : parseBoolean(raw));

export interface SubscriptionRowOptions {
  dateOrder?: DateOrder;
  /** The currency of rows that name none. */
  currency: string;
}

export function subscriptionRowMapper(
  profile: FormatProfile<SubscriptionField>,
  options: SubscriptionRowOptions,
): (values: Record<string, string>, row: number) => RowResult<SubscriptionRecord> {
  return (values, row) => {
    const r = new FieldReader(values, row, profile, undefined);
    const externalId = r.required('external_id', r.text('external_id'));
    const accountRef = r.text('account_external_id') ?? null;
    const accountName = r.text('account') ?? null;
    if (!accountRef && !accountName) r.fail('account_external_id', 'required: name the account by its id or its name');
    const date = (raw: string) => parseDate(raw, options.dateOrder);
    const start = r.required('start_date', r.parsed('start_date', date));
    const end = r.parsed('end_date', date) ?? null;
    if (start && end && end < start) r.fail('end_date', `${end} is before the start, ${start}`);
    const arr = r.parsed('arr', parseAmount) ?? null;
    const mrr = r.parsed('mrr', parseAmount) ?? null;
    const arrCents = arrCentsOf(arr === null ? null : toCents(arr), mrr === null ? null : toCents(mrr));
    if (arrCents === null && !r.errors.some((e) => e.field === 'arr' || e.field === 'mrr'))
      r.fail('arr', 'required: give the ARR, or the MRR to be taken × 12');
    const seatsText = r.text('seats');
    let seats: number | null = null;
    if (seatsText) {
      seats = /^\d{1,8}$/.test(seatsText)
        ? Number(seatsText)
        : r.fail('seats', `"${seatsText}" is not a whole number of seats`);
    }
    const trial = r.parsed('is_trial', bool) ?? false;
    const currency = r.parsed('currency', parseCurrency) ?? options.currency;
    const autoRenew = r.parsed('auto_renew', bool) ?? null;
    if (r.errors.length > 0) return { ok: false, errors: r.errors };
    return {
      ok: true,
      record: {
        source: 'csv',
        externalId,
        accountRef,
        accountName,
        start,
        end,
        arrCents: arrCents as number,
        mrrCents: mrr === null ? null : toCents(mrr),
        seats,
        plan: r.text('plan') ?? null,
        trial,
        currency,
        billingPeriod: r.parsed('billing_period', parsePeriod) ?? null,
        autoRenew,
        renewsOn: null,
        status: null,
      },
    };
  };
}
