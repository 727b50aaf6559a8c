import { FieldReader } from '../../../platform/imports/field-reader.ts';
import type { RowError } from '../../../platform/imports/import-run.ts';
import { type ColumnOverrides, deletionReason, type FormatProfile } from '../../../platform/imports/profile.ts';
import { parseCountry } from '../../../platform/imports/values/countries.ts';
import { parseDate } from '../../../platform/imports/values/dates.ts';
import { parseDomain } from '../../../platform/imports/values/domains.ts';
import { ACCOUNT_FIELD_NAMES, type AccountField } from './fields.ts';
import type { RecordImportOptions } from './options.ts';
import { LIFECYCLE_LIST, REGION_LIST, SEGMENT_LIST } from './picklists.ts';
import type { AccountImportRecord, RowOutcome } from './records.ts';
import { byFieldOrder, limited, withoutAbsent } from './row-rules.ts';

export type AccountRowMapper = (values: Record<string, string>, row: number) => RowOutcome<AccountImportRecord>;

/**
 * The row mapper of one account import: a format profile with the user's overrides, aliases and date order
 * bound once. Deleted rows are skipped with the reason; otherwise every problem is reported, each naming the
 * account field (or the flag column) and the file's column.
 */
export function accountMapper(
  profile: FormatProfile<AccountField>,
  overrides: ColumnOverrides<AccountField> | undefined,
  options: RecordImportOptions,
): AccountRowMapper {
  const aliases = options.aliases ?? {};
  const segment = SEGMENT_LIST.reader('segment', aliases.segment);
  const phase = LIFECYCLE_LIST.reader('lifecycle_phase', aliases.lifecycle_phase);
  const region = REGION_LIST.reader('region', aliases.region);
  const country = (raw: string) => parseCountry(raw, aliases.country);
  const date = (raw: string) => parseDate(raw, options.dateOrder);
  return (values, row) => {
    const read = new FieldReader<AccountField>(values, row, profile, overrides);
    const deleted = deletionReason(read.cells, profile, row, read.errors);
    if (deleted !== undefined) return { ok: false, skipped: true, reason: deleted };
    const record: AccountImportRecord = withoutAbsent({
      source: profile.source,
      externalId: limited(read, 'external_id', read.text('external_id'), 255) ?? null,
      name: read.required('name', limited(read, 'name', read.text('name'), 200)),
      domain: read.parsed('domain', parseDomain),
      segment: read.parsed('segment', segment),
      industry: limited(read, 'industry', read.text('industry'), 100),
      region: read.parsed('region', region),
      country: read.parsed('country', country),
      lifecyclePhase: read.parsed('lifecycle_phase', phase),
      renewalDate: read.parsed('renewal_date', date),
      owner: read.text('owner'),
      csm: read.text('csm'),
    });
    return read.errors.length
      ? { ok: false, errors: byFieldOrder(read.errors as RowError[], ACCOUNT_FIELD_NAMES) }
      : { ok: true, record };
  };
}
