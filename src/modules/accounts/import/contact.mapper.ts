import { FieldReader } from '../../../platform/imports/field-reader.ts';
import type { RowError } from '../../../platform/imports/import-run.ts';
import { type ColumnOverrides, deletionReason, type FormatProfile } from '../../../platform/imports/profile.ts';
import { parseEmail } from '../../../platform/imports/values/emails.ts';
import { splitList } from '../../../platform/imports/values/text.ts';
import { parseTimestamp } from '../../../platform/imports/values/timestamps.ts';
import { CONTACT_FIELD_NAMES, type ContactField } from './fields.ts';
import type { RecordImportOptions } from './options.ts';
import { ROLE_LIST } from './picklists.ts';
import type { ContactImportRecord, RowOutcome } from './records.ts';
import { byFieldOrder, limited, withoutAbsent } from './row-rules.ts';

export type ContactRowMapper = (values: Record<string, string>, row: number) => RowOutcome<ContactImportRecord>;

/** The full name: the name column, else first and last name joined. */
function fullName(read: FieldReader<ContactField>): string {
  const name = read.text('name') ?? [read.text('first_name'), read.text('last_name')].filter(Boolean).join(' ');
  if (name) return limited(read, 'name', name, 200) ?? '';
  const columns = (['name', 'first_name', 'last_name'] as const).map((f) => read.cell(f)?.column).filter(Boolean);
  read.fail(
    'name',
    columns.length
      ? `required, but ${columns.map((c) => `"${c}"`).join(' and ')} ${columns.length > 1 ? 'are' : 'is'} empty`
      : 'required, but no column is mapped to it',
  );
  return '';
}

/** The account's id in the source; a cell listing several is an error (a contact belongs to one account). */
function accountExternalId(read: FieldReader<ContactField>): string | null {
  const cell = read.cell('account_external_id');
  const ids = cell ? splitList(cell.raw) : [];
  if (ids.length <= 1) return ids[0] ?? null;
  return read.fail(
    'account_external_id',
    `column "${cell?.column}" lists several accounts (${ids.join('; ')}); a contact belongs to one: use the primary company's column`,
  );
}

/**
 * The row mapper of one contact import, with the format profile, overrides, aliases and date order bound once.
 * A contact names its account by external id or by name; one of them is required.
 */
export function contactMapper(
  profile: FormatProfile<ContactField>,
  overrides: ColumnOverrides<ContactField> | undefined,
  options: RecordImportOptions,
): ContactRowMapper {
  const role = ROLE_LIST.reader('role', options.aliases?.role);
  const moment = (raw: string) => parseTimestamp(raw, options.dateOrder);
  return (values, row) => {
    const read = new FieldReader<ContactField>(values, row, profile, overrides);
    const deleted = deletionReason(read.cells, profile, row, read.errors);
    if (deleted !== undefined) return { ok: false, skipped: true, reason: deleted };
    const accountId = accountExternalId(read);
    const accountName = read.text('account') ?? null;
    if (!accountId && !accountName && !read.errors.some((e) => e.field === 'account_external_id')) {
      const columns = (['account_external_id', 'account'] as const).map((f) => read.cell(f)?.column).filter(Boolean);
      read.fail(
        'account',
        columns.length
          ? `required: the row names no account (${columns.map((c) => `"${c}"`).join(' and ')} empty)`
          : 'required, but no column is mapped to it',
      );
    }
    const record: ContactImportRecord = withoutAbsent({
      source: profile.source,
      externalId: limited(read, 'external_id', read.text('external_id'), 255) ?? null,
      accountExternalId: accountId,
      accountName,
      name: fullName(read),
      email: read.parsed('email', parseEmail),
      title: limited(read, 'title', read.text('title'), 200),
      role: read.parsed('role', role),
      lastTouchAt: read.parsed('last_touch_at', moment),
      leftAt: read.parsed('left_at', moment),
    });
    return read.errors.length
      ? { ok: false, errors: byFieldOrder(read.errors as RowError[], CONTACT_FIELD_NAMES) }
      : { ok: true, record };
  };
}
