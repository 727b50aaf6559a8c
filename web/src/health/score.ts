/** The health-score answers of the API (src/modules/health/score/score.schemas.ts), as the web app reads them. */
import type { Components } from '../../../src/modules/health/score/score.ts';
import type { Move } from '../../../src/modules/health/score/why.ts';

export type { Components, Move };
export type Band = 'green' | 'yellow' | 'red';

export interface HealthScore {
  accountId: string;
  scoredAt: string;
  score: number | null;
  band: Band | null;
  scorecardVersion: number;
  components: Components;
}

export interface ScoreView {
  accountId: string;
  current: HealthScore | null;
  why: {
    sincePrevious: { since: string; score: number | null; moves: Move[] } | null;
    since30Days: { since: string; score: number | null; moves: Move[] } | null;
  };
}

export interface ScoreHistory {
  accountId: string;
  from: string;
  to: string;
  points: Array<{
    scoredAt: string;
    score: number | null;
    band: Band | null;
    dimensions: Array<{ dimension: string; points: number | null }>;
  }>;
}

export type Distribution = Record<Band | 'none', number>;

export const BAND_COLORS: Record<Band, string> = { green: 'teal', yellow: 'yellow', red: 'red' };
export const BAND_LABELS: Record<Band | 'none', string> = {
  green: 'Green',
  yellow: 'Yellow',
  red: 'Red',
  none: 'No data',
};

export const SCORE_HELP =
  'The health score (0–100) is the weighted mean of the dimensions with data (delivery, adoption, support, ' +
  'sentiment, relationship, commercial), each the weighted mean of its measures with data; green from 70, ' +
  'yellow from 40, ' +
  'red below. A measure without data counts for nothing, never as 0.';
