/**
 * Account and contact import: tell a file's format (`detectAccountFormat`, `detectContactFormat`), check the
 * options and header, and map each row to a record (`accountMapper`, `contactMapper`). Pure: the account
 * import service reads the file and stores what comes out.
 */
export { accountMapper } from './account.mapper.ts';
export type { AccountRowMapper } from './account.mapper.ts';
export { contactMapper } from './contact.mapper.ts';
export type { ContactRowMapper } from './contact.mapper.ts';
export { ACCOUNT_FIELD_SET, ACCOUNT_FIELDS, CONTACT_FIELD_SET, CONTACT_FIELDS } from './fields.ts';
export type { AccountField, ContactField } from './fields.ts';
export { detectAccountFormat, detectContactFormat, isRecordFormat, RECORD_FORMATS } from './formats.ts';
export type { DetectedRecordFormat, RecordFormat } from './formats.ts';
export { assertHeader, assertOptions, fileHeaderProblems, optionProblems, overridesOf, profileOf } from './options.ts';
export type { OptionName, OptionProblem, RecordImportOptions, RecordKind } from './options.ts';
export { MemberIndex } from './owners.ts';
export {
  ACCOUNT_ALIAS_FIELDS,
  ACCOUNT_DEFAULT_FIELDS,
  CONTACT_ALIAS_FIELDS,
  CONTACT_DEFAULT_FIELDS,
} from './picklists.ts';
export type { AccountImportRecord, ContactImportRecord, RowOutcome } from './records.ts';
