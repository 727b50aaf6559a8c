/** Survey answers and touches on their account's timeline (pure). */
import { instantOf, type TimelineEntry } from '../accounts/index.ts';
import { npsClass } from './sentiment.ts';

export interface SurveyFacts {
  id: string;
  kind: string;
  score: number;
  /** The person who answered: a contact's name, else the email given; null when unknown. */
  who: string | null;
  comment: string | null;
  respondedAt: string;
  milestone: string | null;
}

export interface TouchFacts {
  id: string;
  kind: string;
  subject: string | null;
  direction: string | null;
  occurredAt: string;
  people: number;
}

export function surveyEntry(accountId: string, s: SurveyFacts): TimelineEntry {
  const who = s.who ?? 'Someone at the customer';
  const what =
    s.kind === 'nps' ? `gave an NPS of ${s.score} of 10 (a ${npsClass(s.score)})` : `rated CSAT ${s.score} of 5`;
  const after = s.milestone ? ` after “${s.milestone}”` : '';
  return {
    id: `${s.id}:survey`,
    at: instantOf(s.respondedAt),
    kind: `survey.${s.kind === 'nps' ? 'nps' : 'csat'}`,
    title: s.kind === 'nps' ? 'NPS answer' : 'CSAT answer',
    sentence: `${who} ${what}${after}${s.comment ? `: “${s.comment}”` : ''}.`,
    ref: { kind: 'account', id: accountId },
    module: 'relationship',
  };
}

const TOUCH_WORDS: Readonly<Record<string, string>> = { meeting: 'Meeting', call: 'Call', email: 'Email' };

export function touchEntry(accountId: string, t: TouchFacts): TimelineEntry {
  const kind = TOUCH_WORDS[t.kind] ?? 'Touch';
  const direction =
    t.direction === 'inbound' ? ' from the customer' : t.direction === 'outbound' ? ' to the customer' : '';
  const people = t.people > 0 ? ` with ${t.people} ${t.people === 1 ? 'person' : 'people'}` : '';
  return {
    id: `${t.id}:touch`,
    at: instantOf(t.occurredAt),
    kind: `touch.${t.kind}`,
    title: kind,
    sentence: `${kind}${direction}${people}${t.subject ? `: “${t.subject}”` : ''}.`,
    ref: { kind: 'account', id: accountId },
    module: 'relationship',
  };
}
