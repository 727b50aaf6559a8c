/** A survey answer as the relationship module keeps and shows it (pure). */
import { type NpsClass, npsClass, isSatisfied, type SurveyKind } from './sentiment.ts';

/** An answer to record, from the API, a file or the demo, before its account and contact are found. */
export interface SurveyRecord {
  /** The account as the source names it: a Baton id, a CRM id or a domain; or by name. */
  accountRef: string | null;
  accountName: string | null;
  /** The stakeholder by Baton id, or by email. */
  contactId: string | null;
  contactEmail: string | null;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  respondedAt: string;
  milestone: string | null;
  /** The answer's id in the source: recording it again changes nothing. */
  externalId: string | null;
}

export interface SurveyResponse {
  id: string;
  accountId: string;
  contactId: string | null;
  contactEmail: string | null;
  kind: SurveyKind;
  score: number;
  /** NPS: promoter, passive or detractor; CSAT: satisfied (4–5) or unsatisfied. */
  rating: NpsClass | 'satisfied' | 'unsatisfied';
  comment: string | null;
  respondedAt: string;
  milestone: string | null;
  source: string;
  createdAt: string;
}

export const ratingOf = (kind: SurveyKind, score: number): SurveyResponse['rating'] =>
  kind === 'nps' ? npsClass(score) : isSatisfied(score) ? 'satisfied' : 'unsatisfied';

/** What makes an answer the same answer when it comes again. */
export const surveyKey = (
  source: string,
  r: Pick<SurveyRecord, 'externalId' | 'kind' | 'respondedAt'>,
  accountId: string,
  who: string | null,
): string => (r.externalId ? `ext|${source}|${r.externalId}` : `${r.kind}|${accountId}|${who ?? ''}|${r.respondedAt}`);
