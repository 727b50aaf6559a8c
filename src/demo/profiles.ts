/** Who each demo customer is: name, size, industry, where, and how far along the journey. Pure. */
import { type LifecyclePhase, type Region, SEGMENTS, type Segment } from '../modules/accounts/index.ts';
import { slugOf } from './people.ts';
import { type Random, weightsOf } from './random.ts';
import {
  COUNTRIES,
  ENTERPRISE_SUFFIXES,
  INDUSTRY_NOUNS,
  INDUSTRY_WEIGHTS,
  type Industry,
  NAME_STEMS,
  REGION_WEIGHTS,
  SEGMENT_SHARES,
} from './words.ts';

export interface AccountProfile {
  name: string;
  domain: string;
  segment: Segment;
  industry: Industry;
  region: Region;
  country: string;
  lifecyclePhase: LifecyclePhase;
}

/** Most customers are live; enterprise ones spend longer implementing, small ones churn more. */
const PHASE_WEIGHTS: Readonly<Record<Segment, Readonly<Record<LifecyclePhase, number>>>> = {
  enterprise: { onboarding: 6, implementing: 18, live: 54, renewing: 15, churned: 7 },
  mid_market: { onboarding: 8, implementing: 12, live: 58, renewing: 14, churned: 8 },
  smb: { onboarding: 10, implementing: 8, live: 58, renewing: 13, churned: 11 },
};

/** Exactly the segment shares (rounded), in a shuffled order. */
function segmentsFor(rng: Random, count: number): Segment[] {
  const out: Segment[] = [];
  for (const segment of SEGMENTS) {
    const n = segment === 'smb' ? count - out.length : Math.round(SEGMENT_SHARES[segment] * count);
    for (let i = 0; i < n; i++) out.push(segment);
  }
  return rng.shuffle(out);
}

function companyName(rng: Random, stem: string, industry: Industry, segment: Segment): string {
  const noun = rng.pick(INDUSTRY_NOUNS[industry]);
  const base = `${stem} ${noun}`;
  const formal = industry === 'Public sector' || industry === 'Education' || /Group$/.test(noun);
  return segment === 'enterprise' && !formal && rng.chance(0.4) ? `${base} ${rng.pick(ENTERPRISE_SUFFIXES)}` : base;
}

/** Stems in shuffled rounds: every stem is used once before any is used again. */
function stemDeck(rng: Random): () => string {
  let deck: string[] = [];
  return () => {
    if (deck.length === 0) deck = rng.shuffle(NAME_STEMS);
    return deck.pop() as string;
  };
}

export function generateProfiles(rng: Random, count: number): AccountProfile[] {
  const names = new Set<string>();
  const domains = new Set<string>();
  const nextStem = stemDeck(rng);
  return segmentsFor(rng, count).map((segment) => {
    const industry = rng.weighted(weightsOf(INDUSTRY_WEIGHTS));
    let name = companyName(rng, nextStem(), industry, segment);
    let domain = `${slugOf(name)}.example`;
    while (names.has(name) || domains.has(domain)) {
      name = companyName(rng, nextStem(), industry, segment);
      domain = `${slugOf(name)}.example`;
    }
    names.add(name);
    domains.add(domain);
    const region = rng.weighted(weightsOf(REGION_WEIGHTS));
    return {
      name,
      domain,
      segment,
      industry,
      region,
      country: rng.weighted(COUNTRIES[region]),
      lifecyclePhase: rng.weighted(weightsOf(PHASE_WEIGHTS[segment])),
    };
  });
}
