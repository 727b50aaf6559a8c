/** The accounts module's public face: what later modules, the demo and the command line use of it, nothing else. */
export {
  type Account,
  type Contact,
  CONTACT_ROLE_LABELS,
  type ContactRole,
  LIFECYCLE_PHASES,
  type LifecyclePhase,
  REGIONS,
  type Region,
  SEGMENTS,
  type Segment,
} from './account.ts';
export { accountSchema } from './account.schemas.ts';
export {
  accountNameIndex,
  accountNamesById,
  accountSegmentsById,
  type BulkAccount,
  createAccountsInBulk,
  getAccount,
  listAccounts,
  listContacts,
  readableAccountNames,
  updateAccount,
} from './account.service.ts';
export { accountNamesOf, accountsByCrmIds, accountsByReference, crmRefKey } from './account-lookup.service.ts';
export { setAccountCreatedOn } from './account-since.service.ts';
export { addPartnerAccountSource } from './partner-scope.service.ts';
export {
  type AccountAttributesRow,
  listAccountAttributes,
  replaceAccountAttributes,
} from './account-attributes.store.ts';
export {
  type ContactKey,
  contactsByEmails,
  contactsByIds,
  contactsByReference,
  recordContactTouches,
} from './contact-touch.service.ts';
export { readAccount } from './account.service.ts';
export {
  dayWords,
  instantOf,
  newestFirst,
  TIMELINE_GROUPS,
  type TimelineEntry,
  type TimelineGroup,
  type TimelineRange,
} from './account-timeline.ts';
