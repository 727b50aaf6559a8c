/** Licensed seats per account from a CSV (pure): account reference and seat count, row by row. */
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

export const SEATS_FIELD_NAMES = ['account', 'seats'] as const;
export type SeatsField = (typeof SEATS_FIELD_NAMES)[number];

export const SEATS_FIELDS: readonly FieldDoc[] = [
  { name: 'account', required: true, description: 'the account: its Baton id, CRM id, domain or exact name' },
  { name: 'seats', required: true, description: 'licensed seats, a whole number (blank leaves the account as it is)' },
];

export const SEATS_FIELD_SET: FieldSet<SeatsField> = { names: SEATS_FIELD_NAMES, required: [['account'], ['seats']] };

const DEFAULT_PROFILE: FormatProfile<SeatsField> = {
  source: 'csv',
  columns: {
    account: ['account', 'account_id', 'account_name', 'domain'],
    seats: ['seats', 'licensed_seats', 'licenses'],
  },
};

export const seatsProfile = (mapping: ColumnMapping | undefined): FormatProfile<SeatsField> =>
  mapping ? mappedProfile(mapping, SEATS_FIELD_SET) : DEFAULT_PROFILE;

export function seatsHeaderProblems(mapping: ColumnMapping | undefined, headers: readonly string[]): string[] {
  return [
    ...(mapping ? mappingProblems(mapping, SEATS_FIELD_SET) : []),
    ...headerProblems(seatsProfile(mapping), undefined, SEATS_FIELD_SET, headers, []),
  ];
}

export interface SeatsRecord {
  account: string;
  seats: number;
}

export function seatsRowMapper(
  profile: FormatProfile<SeatsField>,
): (values: Record<string, string>, row: number) => RowResult<SeatsRecord> {
  return (values, row) => {
    const r = new FieldReader(values, row, profile, undefined);
    const account = r.required('account', r.text('account'));
    const cell = r.cell('seats');
    const raw = cell?.raw.trim() ?? '';
    if (cell && raw === '' && r.errors.length === 0) return { ok: false, skipped: true, reason: 'no seat count' };
    const seats = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(seats) || seats > 10_000_000)
      r.fail('seats', `column "${cell?.column ?? 'seats'}": "${raw}" is not a whole number of seats`);
    if (r.errors.length > 0) return { ok: false, errors: r.errors };
    return { ok: true, record: { account, seats } };
  };
}
