/** A touch (a meeting, call or email with an account's people) as the relationship module keeps it (pure). */

export const TOUCH_KINDS = ['meeting', 'call', 'email'] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A touch to record, before its account and contacts are found. */
export interface TouchRecord {
  kind: TouchKind;
  occurredAt: string;
  subject: string | null;
  direction: Direction | null;
  /** `api`, `salesforce`, `hubspot`, `csv` or `demo`. */
  source: string;
  externalId: string | null;
  /** The account as the source names it (a Baton id, a CRM id, a domain), or by name. */
  accountRef: string | null;
  accountName: string | null;
  /** People by Baton id or a CRM's id (Salesforce's WhoId). */
  contactRefs: string[];
  /** People by email address (lower-cased). */
  emails: string[];
}

export interface Touch {
  id: string;
  accountId: string;
  kind: TouchKind;
  occurredAt: string;
  subject: string | null;
  direction: Direction | null;
  source: string;
  externalId: string | null;
  contactIds: string[];
  emails: string[];
  createdAt: string;
}

/** What makes a touch the same touch when it comes again (a re-imported export). */
export const touchKey = (r: TouchRecord, accountId: string): string =>
  r.externalId
    ? `ext|${r.source}|${r.externalId}`
    : [r.kind, accountId, r.occurredAt, r.subject ?? '', [...r.emails].sort().join(',')].join('|');

/** The domain of an email address, lower-cased. */
export const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** Every email address written in a cell, however it is dressed: `Ann Lee (ann@x.com); bob@y.com`, `<c@z.io>`. */
export function emailsIn(raw: string): string[] {
  const found = raw.toLowerCase().match(/[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}/g) ?? [];
  return [...new Set(found)];
}
