/**
 * The ticket import's fields and the shapes help desk exports come in (pure): Zendesk's CSV export, Salesforce's
 * Case export, HubSpot's ticket export, Fivetran's `zendesk.ticket` table, and a plain table with Baton's names.
 * Each field lists its candidate columns, the first present one read.
 */
import type { FieldDoc, FieldSet, FormatProfile, FormatSignature } from '../../../platform/imports/profile.ts';
import { detectBySignature } from '../../../platform/imports/profile.ts';

export const TICKET_FIELD_NAMES = [
  'external_id',
  'subject',
  'description',
  'status',
  'priority',
  'category',
  'channel',
  'requester_email',
  'organization',
  'account_external_id',
  'assignee',
  'tags',
  'created_at',
  'first_response_at',
  'solved_at',
  'satisfaction',
  'updated_at',
] as const;
export type TicketField = (typeof TICKET_FIELD_NAMES)[number];

export const TICKET_FIELDS: readonly FieldDoc[] = [
  {
    name: 'external_id',
    required: false,
    description:
      'the ticket’s id in the help desk: importing it again updates it; a file with no id column keys each ticket by its creation time and text',
  },
  { name: 'subject', required: false, description: 'its subject or title; this or description is required' },
  { name: 'description', required: false, description: 'its first message or body' },
  { name: 'status', required: false, description: 'new, open, pending, solved, closed …' },
  { name: 'priority', required: false, description: 'low, normal, high, urgent …' },
  {
    name: 'category',
    required: false,
    description:
      'the help desk’s own label (how_to, bug, configuration, feature_request, billing, other, or words such as question, incident, feature; --alias category:word=how_to for others)',
  },
  { name: 'channel', required: false, description: 'email, web, chat, phone …' },
  { name: 'requester_email', required: false, description: 'who asked: their email domain finds the account' },
  { name: 'organization', required: false, description: 'the customer’s name in the help desk: finds the account' },
  { name: 'account_external_id', required: false, description: 'the account’s CRM id: finds the account first' },
  { name: 'assignee', required: false, description: 'who works on it' },
  { name: 'tags', required: false, description: 'tags, separated by spaces, commas or ;' },
  { name: 'created_at', required: true, description: 'when it was opened (a timestamp or a date)' },
  { name: 'first_response_at', required: false, description: 'when the customer first heard back' },
  { name: 'solved_at', required: false, description: 'when it was solved or closed' },
  { name: 'satisfaction', required: false, description: 'the customer’s rating (good, bad, 1–5 …)' },
  {
    name: 'updated_at',
    required: false,
    description: 'when the help desk last changed it: an older row never replaces a newer one',
  },
];

export const TICKET_FIELD_SET: FieldSet<TicketField> = {
  names: TICKET_FIELD_NAMES,
  required: [['created_at'], ['subject', 'description']],
};

export const ZENDESK_TICKETS: FormatProfile<TicketField> = {
  source: 'zendesk',
  columns: {
    external_id: ['Id', 'Ticket ID'],
    subject: ['Subject'],
    description: ['Description'],
    status: ['Status'],
    priority: ['Priority'],
    category: ['Type', 'Ticket type'],
    channel: ['Via', 'Channel'],
    requester_email: ['Requester email'],
    organization: ['Organization'],
    account_external_id: ['Organization external id'],
    assignee: ['Assignee'],
    tags: ['Tags'],
    created_at: ['Created at'],
    first_response_at: ['First response at'],
    solved_at: ['Solved at'],
    satisfaction: ['Satisfaction Score', 'Satisfaction rating'],
    updated_at: ['Updated at'],
  },
};

export const SALESFORCE_CASES: FormatProfile<TicketField> = {
  source: 'salesforce',
  columns: {
    external_id: ['Id', 'Case ID'],
    subject: ['Subject'],
    description: ['Description'],
    status: ['Status'],
    priority: ['Priority'],
    category: ['Type', 'Case Type', 'Reason', 'Case Reason'],
    channel: ['Origin', 'Case Origin'],
    requester_email: ['SuppliedEmail', 'ContactEmail', 'Web Email', 'Contact Email'],
    organization: ['Account.Name', 'Account Name', 'SuppliedCompany', 'Web Company'],
    account_external_id: ['AccountId', 'Account ID'],
    assignee: ['Owner.Name', 'Case Owner', 'OwnerId'],
    created_at: ['CreatedDate', 'Date/Time Opened', 'Opened Date'],
    first_response_at: ['First_Response__c', 'First Response'],
    solved_at: ['ClosedDate', 'Date/Time Closed', 'Closed Date'],
    satisfaction: ['CSAT__c', 'Satisfaction'],
    updated_at: ['LastModifiedDate', 'Last Modified Date'],
  },
  deletion: [{ column: 'IsDeleted', deletedWhen: true, reason: 'deleted in Salesforce (IsDeleted is true)' }],
};

export const HUBSPOT_TICKETS: FormatProfile<TicketField> = {
  source: 'hubspot',
  columns: {
    external_id: ['Ticket ID', 'Record ID'],
    subject: ['Ticket name'],
    description: ['Ticket description'],
    status: ['Ticket status', 'Pipeline stage', 'Status'],
    priority: ['Priority'],
    category: ['Category', 'Ticket category'],
    channel: ['Source', 'Original source'],
    requester_email: ['Associated Contact', 'Associated contact email', 'Contact email'],
    organization: ['Associated Company', 'Associated Company (Primary)'],
    account_external_id: ['Associated Company IDs', 'Associated Company ID'],
    assignee: ['Ticket owner'],
    created_at: ['Create date'],
    first_response_at: ['First agent email response date', 'First response date'],
    solved_at: ['Close date'],
    satisfaction: ['Customer satisfaction', 'CSAT'],
    updated_at: ['Last modified date', 'Last Modified Date'],
  },
};

export const FIVETRAN_TICKETS: FormatProfile<TicketField> = {
  source: 'zendesk',
  columns: {
    external_id: ['id'],
    subject: ['subject', 'raw_subject'],
    description: ['description'],
    status: ['status'],
    priority: ['priority'],
    category: ['type'],
    channel: ['via_channel'],
    requester_email: ['requester_email'],
    account_external_id: ['organization_id'],
    assignee: ['assignee_id'],
    created_at: ['created_at'],
    solved_at: ['solved_at'],
    satisfaction: ['satisfaction_rating_score'],
    updated_at: ['updated_at'],
  },
  deletion: [{ column: '_fivetran_deleted', deletedWhen: true, reason: 'deleted at the source (_fivetran_deleted)' }],
};

export const CSV_TICKETS: FormatProfile<TicketField> = {
  source: 'csv',
  columns: {
    external_id: ['external_id', 'ticket_id'],
    subject: ['subject', 'title'],
    description: ['description', 'body'],
    status: ['status'],
    priority: ['priority'],
    category: ['category', 'label'],
    channel: ['channel'],
    requester_email: ['requester_email', 'email'],
    organization: ['organization', 'company'],
    account_external_id: ['account_external_id', 'account_id'],
    assignee: ['assignee'],
    tags: ['tags'],
    created_at: ['created_at'],
    first_response_at: ['first_response_at'],
    solved_at: ['solved_at', 'closed_at'],
    satisfaction: ['satisfaction'],
    updated_at: ['updated_at'],
  },
};

export const TICKET_FORMATS = ['zendesk', 'salesforce', 'hubspot', 'fivetran', 'csv', 'mapped'] as const;
export type TicketFormat = (typeof TICKET_FORMATS)[number];

export const TICKET_PROFILES: Readonly<Record<Exclude<TicketFormat, 'mapped'>, FormatProfile<TicketField>>> = {
  zendesk: ZENDESK_TICKETS,
  salesforce: SALESFORCE_CASES,
  hubspot: HUBSPOT_TICKETS,
  fivetran: FIVETRAN_TICKETS,
  csv: CSV_TICKETS,
};

const SIGNATURES: Readonly<Record<Exclude<TicketFormat, 'mapped'>, readonly FormatSignature[]>> = {
  zendesk: [{ all: ['requester email', 'created at'] }, { all: ['satisfaction score'] }],
  salesforce: [{ all: ['casenumber'] }, { all: ['case number'] }, { all: ['suppliedemail'] }],
  hubspot: [{ all: ['ticket id', 'create date'] }, { all: ['ticket name'] }],
  fivetran: [{ all: ['via_channel'] }, { all: ['_fivetran_synced', 'requester_id'] }],
  csv: [{ all: ['external_id', 'created_at'], none: ['via_channel'] }],
};

/** The one format a header shows, or undefined (the user then names it or maps the columns). */
export const detectTicketFormat = (headers: readonly string[]): string | undefined =>
  detectBySignature(headers, SIGNATURES);
