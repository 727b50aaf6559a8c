/**
 * Daily usage tables (a warehouse export, a product's own usage table) read into rollup contributions (pure).
 * One row says: on this day, this account (directly, or through a subscription) used this feature so many
 * times, perhaps by one user and for so long.
 */
import { createHash } from 'node:crypto';
import { FieldReader } from '../../../platform/imports/field-reader.ts';
import type { RowResult } from '../../../platform/imports/map-rows.ts';
import {
  type ColumnMapping,
  type FieldDoc,
  type FieldSet,
  type FormatProfile,
  headerProblems,
  mappedProfile,
  mappingProblems,
} from '../../../platform/imports/profile.ts';
import { parseDate } from '../../../platform/imports/values/dates.ts';

export const USAGE_FIELD_NAMES = [
  'id',
  'day',
  'account',
  'subscription',
  'feature',
  'events',
  'user',
  'duration',
] as const;
export type UsageField = (typeof USAGE_FIELD_NAMES)[number];

export const USAGE_FIELDS: readonly FieldDoc[] = [
  {
    name: 'id',
    required: false,
    description:
      "the row's own id (e.g. usage_id): re-importing the file changes nothing, a changed row replaces what it counted; without it a row is known by what it says",
  },
  { name: 'day', required: true, description: 'the day of the usage, YYYY-MM-DD (or a timestamp: its date)' },
  {
    name: 'account',
    required: true,
    description: 'the account: its Baton id, CRM id, domain or exact name (this, or subscription, is required)',
  },
  {
    name: 'subscription',
    required: true,
    description:
      'a subscription id, turned into the account through --subscriptions <file> (this, or account, is required)',
  },
  { name: 'feature', required: true, description: 'the feature or event name' },
  {
    name: 'events',
    required: false,
    description: 'how many times it was used that day (a whole number, 1 when the file has no such column)',
  },
  {
    name: 'user',
    required: false,
    description:
      'the product user, when the table names one: the row then counts in the user rollups too (active users)',
  },
  { name: 'duration', required: false, description: 'seconds of use, kept with the row' },
];

export const USAGE_FIELD_SET: FieldSet<UsageField> = {
  names: USAGE_FIELD_NAMES,
  required: [['day'], ['feature'], ['account', 'subscription']],
};

/** Columns read when no mapping is given (the first present wins). */
export const USAGE_DEFAULT_PROFILE: FormatProfile<UsageField> = {
  source: 'csv',
  columns: {
    id: ['usage_id', 'id'],
    day: ['day', 'date', 'usage_date'],
    account: ['account', 'account_id'],
    subscription: ['subscription_id', 'subscription'],
    feature: ['feature', 'feature_name', 'event'],
    events: ['events', 'count', 'usage_count'],
    user: ['user_id', 'user'],
    duration: ['duration_secs', 'usage_duration_secs', 'duration'],
  },
};

export interface UsageRowRecord {
  /** The row's id, else a hash of the row's content. */
  key: string;
  day: string;
  account: string | null;
  subscription: string | null;
  feature: string;
  events: number;
  user: string | null;
  durationSecs: number | null;
}

export const usageProfile = (mapping: ColumnMapping | undefined, source: string): FormatProfile<UsageField> =>
  mapping ? mappedProfile(mapping, USAGE_FIELD_SET, source) : { ...USAGE_DEFAULT_PROFILE, source };

/** Problems with the mapping and the header that stop the import before any row is read. */
export function usageHeaderProblems(
  mapping: ColumnMapping | undefined,
  headers: readonly string[],
  hasSubscriptions: boolean,
): string[] {
  const problems = mapping ? mappingProblems(mapping, USAGE_FIELD_SET) : [];
  const profile = usageProfile(mapping, 'csv');
  problems.push(...headerProblems(profile, undefined, USAGE_FIELD_SET, headers, []));
  const names = new Set(headers.map((h) => h.trim().toLowerCase()));
  const present = (field: UsageField) => (profile.columns[field] ?? []).some((c) => names.has(c.trim().toLowerCase()));
  if (present('subscription') && !present('account') && !hasSubscriptions)
    problems.push(
      'rows name their subscription: give --subscriptions <file> (subscription_id, account_id) to find each one’s account',
    );
  return problems;
}

const wholeNumber = (raw: string): number | null | 'bad' => {
  const text = raw.trim();
  if (text === '') return null;
  if (!/^\d+(\.0+)?$/.test(text)) return 'bad';
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : 'bad';
};

/** A row mapper for a profile: a record, or every problem of the row. */
export function usageRowMapper(
  profile: FormatProfile<UsageField>,
): (values: Record<string, string>, row: number) => RowResult<UsageRowRecord> {
  return (values, row) => {
    const r = new FieldReader(values, row, profile, undefined);
    const day = r.required(
      'day',
      r.parsed('day', (raw) => parseDate(raw)),
    );
    const feature = r.required('feature', r.text('feature'));
    const account = r.text('account') ?? null;
    const subscription = r.text('subscription') ?? null;
    if (!account && !subscription)
      r.fail(
        r.cell('account') || !r.cell('subscription') ? 'account' : 'subscription',
        'required: the row names no account (nor subscription)',
      );
    let events = 1;
    const eventsCell = r.cell('events');
    if (eventsCell) {
      const n = wholeNumber(eventsCell.raw);
      if (n === 'bad')
        r.fail('events', `column "${eventsCell.column}": "${eventsCell.raw}" is not a whole number of events`);
      else events = n ?? 0;
    }
    let durationSecs: number | null = null;
    const durationCell = r.cell('duration');
    if (durationCell && durationCell.raw.trim() !== '') {
      const d = Number(durationCell.raw.trim());
      if (!Number.isFinite(d) || d < 0)
        r.fail('duration', `column "${durationCell.column}": "${durationCell.raw}" is not a number of seconds`);
      else durationSecs = Math.round(d);
    }
    if (r.errors.length > 0) return { ok: false, errors: r.errors };
    const user = r.text('user') ?? null;
    const id = r.text('id') ?? null;
    const key =
      id ??
      `sha256:${createHash('sha256')
        .update(JSON.stringify([day, account, subscription, feature, user]))
        .digest('hex')}`;
    return {
      ok: true,
      record: { key, day, account, subscription, feature: feature.slice(0, 200), events, user, durationSecs },
    };
  };
}
