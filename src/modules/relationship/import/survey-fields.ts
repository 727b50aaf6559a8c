/** The survey import's fields, its usual column names and how a header is recognised (pure). */
import type { FieldDoc, FieldSet, FormatProfile } from '../../../platform/imports/profile.ts';

export const SURVEY_FIELD_NAMES = [
  'external_id',
  'account_external_id',
  'account',
  'contact_id',
  'contact_email',
  'kind',
  'score',
  'comment',
  'responded_at',
  'milestone',
] as const;
export type SurveyField = (typeof SURVEY_FIELD_NAMES)[number];

export const SURVEY_FIELDS: readonly FieldDoc[] = [
  {
    name: 'external_id',
    required: false,
    description: 'the answer’s id in the survey tool: importing it again changes nothing',
  },
  {
    name: 'account_external_id',
    required: false,
    description: 'the account’s Baton id, CRM id or domain; blank: the contact’s account',
  },
  { name: 'account', required: false, description: 'the account’s exact name, when no id is given' },
  { name: 'contact_id', required: false, description: 'the Baton id of the stakeholder who answered' },
  {
    name: 'contact_email',
    required: false,
    description: 'the email of who answered (kept even when no contact has it)',
  },
  { name: 'kind', required: true, description: 'nps (0–10) or csat (1–5); or give --kind for the whole file' },
  { name: 'score', required: true, description: 'a whole number: NPS 0–10, CSAT 1–5' },
  { name: 'comment', required: false, description: 'what the person wrote' },
  {
    name: 'responded_at',
    required: true,
    description: 'when they answered (a date or a timestamp); never in the future',
  },
  { name: 'milestone', required: false, description: 'the project milestone the survey followed' },
];

/** The fields a file must feed; the kind may come from `--kind` instead of a column. */
export const surveyFieldSet = (kindGiven: boolean): FieldSet<SurveyField> => ({
  names: SURVEY_FIELD_NAMES,
  required: [
    ...(kindGiven ? [] : [['kind'] as const]),
    ['score'],
    ['responded_at'],
    ['account_external_id', 'account', 'contact_id', 'contact_email'],
  ],
});

/** The columns survey exports usually have (Delighted, Typeform, a spreadsheet, Baton's own names). */
export const SURVEYS_PROFILE: FormatProfile<SurveyField> = {
  source: 'csv',
  columns: {
    external_id: ['external_id', 'response_id', 'response id', 'survey_response_id'],
    account_external_id: ['account_external_id', 'account_id', 'account id', 'company_id', 'company domain', 'domain'],
    account: ['account', 'account_name', 'account name', 'company', 'company name'],
    contact_id: ['contact_id', 'contact id'],
    contact_email: ['contact_email', 'email', 'respondent_email', 'respondent email', 'person email'],
    kind: ['kind', 'survey', 'survey_type', 'survey type', 'type'],
    score: ['score', 'rating', 'answer'],
    comment: ['comment', 'comments', 'feedback', 'verbatim', 'reason'],
    responded_at: [
      'responded_at',
      'response_date',
      'response date',
      'submitted_at',
      'submitted at',
      'date',
      'created_at',
    ],
    milestone: ['milestone', 'project_milestone', 'project milestone', 'trigger'],
  },
};

export const SURVEY_FORMATS = ['surveys', 'mapped'] as const;

const normalize = (h: string) => h.trim().toLowerCase();

/** `surveys` when the header has a score and a date by their usual names. */
export function detectSurveyFormat(headers: readonly string[]): string | undefined {
  const present = new Set(headers.map(normalize));
  const has = (field: SurveyField) => SURVEYS_PROFILE.columns[field]?.some((c) => present.has(c));
  return has('score') && has('responded_at') ? 'surveys' : undefined;
}
