/** Survey answers and what they add up to: NPS and CSAT as DESIGN §5 defines them (pure). */

export const SURVEY_KINDS = ['nps', 'csat'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** The scores each kind accepts. */
export const SCORE_RANGE: Readonly<Record<SurveyKind, { min: number; max: number }>> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
};

export type NpsClass = 'promoter' | 'passive' | 'detractor';

/** Why a score does not fit its kind, or null when it does (a whole number within the kind's range). */
export function scoreProblem(kind: SurveyKind, score: number): string | null {
  const { min, max } = SCORE_RANGE[kind];
  if (!Number.isInteger(score) || score < min || score > max)
    return `${score} is not a ${kind.toUpperCase()} score: use a whole number from ${min} to ${max}`;
  return null;
}

/** An NPS answer's class: 9–10 promoter, 7–8 passive, 0–6 detractor. */
export const npsClass = (score: number): NpsClass => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');

/** A CSAT answer counts as satisfied at 4 or 5 of 5. */
export const isSatisfied = (score: number): boolean => score >= 4;

export interface NpsSummary {
  /** % promoters − % detractors, −100 to 100, to one decimal; null without answers. */
  nps: number | null;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface CsatSummary {
  /** Share of answers 4–5, in %, to one decimal; null without answers. */
  csat: number | null;
  responses: number;
  satisfied: number;
}

const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

export function npsOf(scores: readonly number[]): NpsSummary {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const s of scores) {
    const c = npsClass(s);
    if (c === 'promoter') promoters++;
    else if (c === 'passive') passives++;
    else detractors++;
  }
  const n = scores.length;
  return {
    nps: n === 0 ? null : oneDecimal(((promoters - detractors) / n) * 100),
    responses: n,
    promoters,
    passives,
    detractors,
  };
}

export function csatOf(scores: readonly number[]): CsatSummary {
  const satisfied = scores.filter(isSatisfied).length;
  const n = scores.length;
  return { csat: n === 0 ? null : oneDecimal((satisfied / n) * 100), responses: n, satisfied };
}

export interface SentimentFigures {
  nps: NpsSummary;
  csat: CsatSummary;
}

/** NPS and CSAT of a set of answers. */
export function sentimentOf(answers: ReadonlyArray<{ kind: SurveyKind; score: number }>): SentimentFigures {
  return {
    nps: npsOf(answers.filter((a) => a.kind === 'nps').map((a) => a.score)),
    csat: csatOf(answers.filter((a) => a.kind === 'csat').map((a) => a.score)),
  };
}

/** The figures in a sentence, for a page or a report ("NPS 20 from 5 answers: 2 promoters, …"). */
export function sentimentSentence(f: SentimentFigures): string {
  const parts: string[] = [];
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  if (f.nps.nps === null) parts.push('No NPS answers');
  else
    parts.push(
      `NPS ${f.nps.nps} from ${plural(f.nps.responses, 'answer')}: ${plural(f.nps.promoters, 'promoter')}, ${plural(f.nps.passives, 'passive')}, ${plural(f.nps.detractors, 'detractor')}`,
    );
  if (f.csat.csat === null) parts.push('no CSAT answers');
  else parts.push(`CSAT ${f.csat.csat}% (${f.csat.satisfied} of ${plural(f.csat.responses, 'answer')} scored 4 or 5)`);
  return `${parts.join('; ')}.`;
}

/** Whole days from one moment to another (never negative), or null without a first moment. */
export function daysBetween(from: string | null, to: Date): number | null {
  if (!from) return null;
  const at = Date.parse(from.length === 10 ? `${from}T00:00:00Z` : from);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.floor((to.getTime() - at) / 86_400_000));
}
