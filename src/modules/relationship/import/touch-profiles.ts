/**
 * The touch import's fields and the shapes CRM activity exports come in (pure): Salesforce Task and Event exports
 * (API names from Data Loader or Workbench, labels from a report), HubSpot's activity (engagement) export, and a
 * plain table with Baton's own names. Each field lists its candidate columns, the first present one read.
 */
import type { FieldDoc, FieldSet, FormatProfile, FormatSignature } from '../../../platform/imports/profile.ts';
import { detectBySignature } from '../../../platform/imports/profile.ts';

export const TOUCH_FIELD_NAMES = [
  'external_id',
  'kind',
  'occurred_at',
  'subject',
  'direction',
  'account_external_id',
  'account',
  'contact_external_id',
  'contact_email',
] as const;
export type TouchField = (typeof TOUCH_FIELD_NAMES)[number];

export const TOUCH_FIELDS: readonly FieldDoc[] = [
  {
    name: 'external_id',
    required: false,
    description: 'the activity’s id in the CRM: importing it again changes nothing',
  },
  {
    name: 'kind',
    required: true,
    description:
      'meeting, call or email (Salesforce Type/TaskSubtype, HubSpot Activity type); other activities are skipped',
  },
  {
    name: 'occurred_at',
    required: true,
    description: 'when it happened (a date or a timestamp); later ones are skipped',
  },
  { name: 'subject', required: false, description: 'its subject or title' },
  { name: 'direction', required: false, description: 'inbound or outbound (a call’s or an email’s direction)' },
  {
    name: 'account_external_id',
    required: false,
    description: 'the account’s CRM id, Baton id or domain (Salesforce AccountId/WhatId)',
  },
  { name: 'account', required: false, description: 'the account’s name (HubSpot Associated Company)' },
  {
    name: 'contact_external_id',
    required: false,
    description: 'the people’s CRM ids or Baton ids (Salesforce WhoId), several separated by ;',
  },
  {
    name: 'contact_email',
    required: false,
    description:
      'the people’s emails, however written (HubSpot Associated Contact); an unknown one finds the account by its domain',
  },
];

export const TOUCH_FIELD_SET: FieldSet<TouchField> = {
  names: TOUCH_FIELD_NAMES,
  required: [['kind'], ['occurred_at'], ['account_external_id', 'account', 'contact_external_id', 'contact_email']],
  multi: ['kind', 'occurred_at', 'contact_email', 'contact_external_id', 'direction'],
};

/** Salesforce Task and Event exports: API names, relationship columns (`Who.Email`) and report labels. */
export const SALESFORCE_TOUCHES: FormatProfile<TouchField> = {
  source: 'salesforce',
  columns: {
    external_id: ['Id', 'Activity ID', 'Task ID', 'Event ID'],
    kind: ['TaskSubtype', 'EventSubtype', 'Type', 'Task Subtype', 'Event Subtype', 'Activity Type'],
    occurred_at: ['ActivityDateTime', 'StartDateTime', 'ActivityDate', 'CompletedDateTime', 'Date', 'Due Date'],
    subject: ['Subject'],
    direction: ['CallType', 'Call Type'],
    account_external_id: ['AccountId', 'Account ID', 'WhatId', 'What ID', 'Related To ID'],
    account: ['Account.Name', 'Account Name', 'Company / Account'],
    contact_external_id: ['WhoId', 'Who ID', 'Contact ID', 'Name ID'],
    contact_email: ['Who.Email', 'Email', 'Contact Email'],
  },
  deletion: [{ column: 'IsDeleted', deletedWhen: true, reason: 'deleted in Salesforce (IsDeleted is true)' }],
};

/** HubSpot's activity export (Activities or Engagements, property labels as headers). */
export const HUBSPOT_TOUCHES: FormatProfile<TouchField> = {
  source: 'hubspot',
  columns: {
    external_id: ['Record ID', 'Activity ID', 'Engagement ID'],
    kind: ['Activity type', 'Engagement type', 'Type'],
    occurred_at: ['Activity date', 'Engagement date', 'Meeting start time', 'Create date', 'Timestamp'],
    subject: ['Subject', 'Activity title', 'Call title', 'Meeting name', 'Email subject', 'Title'],
    direction: ['Call direction', 'Email direction', 'Direction'],
    account_external_id: ['Associated Company IDs', 'Associated Company ID', 'Associated Company IDs (Primary)'],
    account: ['Associated Company', 'Associated Company (Primary)', 'Associated Companies', 'Company name'],
    contact_external_id: ['Associated Contact IDs', 'Associated Contact ID'],
    contact_email: ['Associated Contact', 'Associated Contacts', 'Associated Contact emails', 'Contact email', 'Email'],
  },
};

/** A table with Baton's own names (or the usual plain ones). */
export const CSV_TOUCHES: FormatProfile<TouchField> = {
  source: 'csv',
  columns: {
    external_id: ['external_id', 'activity_id', 'id'],
    kind: ['kind', 'type', 'activity_type'],
    occurred_at: ['occurred_at', 'date', 'timestamp', 'activity_date'],
    subject: ['subject', 'title'],
    direction: ['direction'],
    account_external_id: ['account_external_id', 'account_id', 'domain'],
    account: ['account', 'account_name', 'company'],
    contact_external_id: ['contact_external_id', 'contact_id', 'contact_ids'],
    contact_email: ['contact_email', 'contact_emails', 'emails', 'email', 'attendees', 'participants'],
  },
};

export const TOUCH_FORMATS = ['salesforce', 'hubspot', 'touches', 'mapped'] as const;
export type TouchFormat = (typeof TOUCH_FORMATS)[number];

export const TOUCH_PROFILES: Readonly<Record<Exclude<TouchFormat, 'mapped'>, FormatProfile<TouchField>>> = {
  salesforce: SALESFORCE_TOUCHES,
  hubspot: HUBSPOT_TOUCHES,
  touches: CSV_TOUCHES,
};

const SIGNATURES: Readonly<Record<Exclude<TouchFormat, 'mapped'>, readonly FormatSignature[]>> = {
  salesforce: [
    { all: ['subject'], any: ['activitydate', 'activitydatetime', 'startdatetime'] },
    { all: ['whoid'] },
    { all: ['tasksubtype'] },
    { all: ['eventsubtype'] },
  ],
  hubspot: [{ all: ['activity date'] }, { all: ['engagement type'] }, { all: ['activity type', 'associated contact'] }],
  touches: [{ all: ['kind', 'occurred_at'] }],
};

/** The one format a header shows, or undefined (the user then names it or maps the columns). */
export const detectTouchFormat = (headers: readonly string[]): string | undefined =>
  detectBySignature(headers, SIGNATURES);
