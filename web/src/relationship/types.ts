/** The relationship API's answers, as the web app reads them. */

export interface NpsFigures {
  nps: number | null;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface CsatFigures {
  csat: number | null;
  responses: number;
  satisfied: number;
}

export interface Stakeholder {
  contactId: string;
  name: string;
  title: string | null;
  email: string | null;
  role: string;
  roleLabel: string;
  leftAt: string | null;
  lastTouchAt: string | null;
  daysSinceTouch: number | null;
  nps: { score: number; respondedAt: string; rating: 'promoter' | 'passive' | 'detractor' } | null;
  csat: { score: number; respondedAt: string } | null;
}

export interface StakeholdersAnswer {
  accountId: string;
  asOf: string;
  stakeholders: Stakeholder[];
  sentiment: { from: string; to: string; nps: NpsFigures; csat: CsatFigures; sentence: string };
}

/** How NPS and CSAT are computed, said where they show. */
export const SENTIMENT_HELP = {
  nps: 'NPS = % promoters (9–10) − % detractors (0–6) of the answers over the last year.',
  csat: 'CSAT = share of answers scoring 4 or 5 of 5 over the last year.',
} as const;

/** Days since a touch in words: "today", "yesterday", "34 days ago", "never". */
export function touchAgo(days: number | null): string {
  if (days === null) return 'never';
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** A sponsor or champion untouched this long is a renewal risk (DESIGN §4, stage 6). */
export const QUIET_DAYS = 60;
export const KEY_ROLES = new Set(['executive_sponsor', 'champion']);

export const RATING_COLORS: Record<string, string> = { promoter: 'teal', passive: 'gray', detractor: 'red' };
