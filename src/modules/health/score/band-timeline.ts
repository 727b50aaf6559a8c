/** Health band changes on their account's timeline (pure): the first scoring, then each move between bands. */
import { instantOf, type TimelineEntry } from '../../accounts/index.ts';

export interface ScoringFacts {
  id: string;
  scoredAt: string;
  score: number | null;
  band: string | null;
}

const bandWords = (band: string | null) => (band ? band : 'no band (no data)');
const scoreWords = (s: ScoringFacts) => (s.score === null ? 'no score' : `${Math.round(s.score)} of 100`);

/** The scorings (oldest first) where the band changed, as entries; scorings that kept the band say nothing. */
export function bandChangeEntries(accountId: string, scorings: readonly ScoringFacts[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let previous: ScoringFacts | null = null;
  for (const s of scorings) {
    if (previous === null || previous.band !== s.band) {
      const first = previous === null;
      out.push({
        id: `${s.id}:band`,
        at: instantOf(s.scoredAt),
        kind: first ? 'health.first_scored' : 'health.band_changed',
        title: first ? 'First health score' : 'Health band changed',
        sentence: first
          ? `Health was first scored ${scoreWords(s)}, ${bandWords(s.band)}.`
          : `Health moved from ${bandWords(previous?.band ?? null)} to ${bandWords(s.band)}, now ${scoreWords(s)}.`,
        ref: { kind: 'account', id: accountId },
        module: 'health',
      });
    }
    previous = s;
  }
  return out;
}
