/**
 * Contract terms of a deal (DESIGN §1: "200 contracts, 47 pricing variations"): the pricing model, billing
 * terms, discount, non-standard clauses and services sold, and the pure rules that normalise how CRMs and
 * people write them. No I/O.
 */

export const PRICING_MODELS = ['per_seat', 'usage', 'flat', 'tiered', 'hybrid', 'other'] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

/** Clause tags Baton knows by name; any other tag is kept, normalised the same way. */
export const KNOWN_CLAUSES = [
  'custom_sla',
  'mfn',
  'termination_for_convenience',
  'custom_payment_terms',
  'uncapped_liability',
  'source_code_escrow',
  'custom_integration',
] as const;

/** The terms of one deal. Null: not recorded. `nonStandardClauses` is empty when none are recorded. */
export interface ContractTerms {
  /** One of `PRICING_MODELS`, or the CRM's own wording normalised (lower case, single spaces). */
  pricingModel: string | null;
  /** Normalised billing terms, e.g. `annual upfront, net 30` (see `normalizeBillingTerms`). */
  billingTerms: string | null;
  /** Discount off list price, in percent (0–100). */
  discountPct: number | null;
  nonStandardClauses: string[];
  /** Professional services sold with the deal, in the deal's currency. */
  servicesSold: number | null;
}

export const NO_TERMS: ContractTerms = Object.freeze({
  pricingModel: null,
  billingTerms: null,
  discountPct: null,
  nonStandardClauses: [],
  servicesSold: null,
}) as ContractTerms;

const fold = (raw: string): string =>
  raw
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

/** Spellings of each pricing model (matched on the folded text, hyphens and spaces alike). */
const PRICING_SPELLINGS: ReadonlyArray<readonly [PricingModel, readonly string[]]> = [
  [
    'hybrid',
    [
      'hybrid',
      'seat + usage',
      'seats + usage',
      'platform + usage',
      'platform fee + usage',
      'base + usage',
      'seat and usage',
      'mixed',
    ],
  ],
  [
    'per_seat',
    [
      'per seat',
      'per-seat',
      'seat',
      'seats',
      'seat based',
      'seat-based',
      'per user',
      'per-user',
      'user based',
      'user-based',
      'named user',
      'named users',
      'per license',
      'per licence',
      'license',
      'licence',
    ],
  ],
  [
    'usage',
    [
      'usage',
      'usage based',
      'usage-based',
      'consumption',
      'consumption based',
      'consumption-based',
      'pay as you go',
      'pay-as-you-go',
      'payg',
      'metered',
      'per transaction',
      'per event',
      'per api call',
    ],
  ],
  [
    'tiered',
    ['tiered', 'tiers', 'tier', 'volume tiers', 'volume tiered', 'volume based', 'volume-based', 'banded', 'graduated'],
  ],
  [
    'flat',
    [
      'flat',
      'flat fee',
      'flat-fee',
      'flat rate',
      'fixed',
      'fixed fee',
      'fixed price',
      'platform fee',
      'enterprise license',
      'site license',
      'unlimited',
    ],
  ],
  ['other', ['other']],
];

/** The lookup key of a spelling: folded, with hyphens and underscores read as spaces. */
const pricingKey = (text: string): string => fold(text).replace(/[-_]/g, ' ').replace(/\s+/g, ' ');

const PRICING_LOOKUP = new Map<string, PricingModel>(
  PRICING_SPELLINGS.flatMap(([model, spellings]) =>
    [model, ...spellings].map((s): [string, PricingModel] => [pricingKey(s), model]),
  ),
);

/**
 * A pricing model as Baton names it: a known spelling (`Per User`, `consumption`, `Flat Fee`) becomes one of
 * `PRICING_MODELS`; anything else is kept, folded (lower case, single spaces). Blank gives null.
 */
export function normalizePricingModel(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = fold(raw);
  if (text === '') return null;
  return PRICING_LOOKUP.get(pricingKey(text)) ?? text;
}

const FREQUENCIES: ReadonlyArray<readonly [string, RegExp]> = [
  ['multi-year', /\bmulti[- ]?year\b|\b(?:[2-9]|10)[- ]years?\b/],
  ['semi-annual', /\bsemi[- ]?annual(?:ly)?\b|\bbi[- ]?annual(?:ly)?\b|\bhalf[- ]yearly\b|\bevery six months\b/],
  ['annual', /\bannual(?:ly)?\b|\byearly\b|\bper year\b|\bper annum\b|\bp\.?a\.?(?=\s|,|$)/],
  ['quarterly', /\bquarterly\b|\bper quarter\b|\bevery quarter\b/],
  ['monthly', /\bmonthly\b|\bper month\b|\bevery month\b/],
  ['one-time', /\bone[- ]?(?:time|off)\b|\bsingle payment\b|\bpaid in full\b/],
];
const UPFRONT = /\bup[- ]?front\b|\bin advance\b|\bprepaid\b|\bpre[- ]?pay(?:ment)?\b/;
const ARREARS = /\bin arrears?\b|\barrears\b/;
const NET = /\bnet[- ]?(\d{1,3})\b|\bn(\d{1,3})\b|\b(\d{1,3}) days?\b/;

/**
 * Billing terms in one spelling: frequency (`annual`, `semi-annual`, `quarterly`, `monthly`, `multi-year`,
 * `one-time`), then `upfront` or `in arrears` when said, then `net N` days, e.g. `Annually in advance, Net30`
 * → `annual upfront, net 30`. Text with none of these is kept folded. Blank gives null.
 */
export function normalizeBillingTerms(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = fold(raw);
  if (text === '') return null;
  const frequency = FREQUENCIES.find(([, re]) => re.test(text))?.[0];
  const timing = UPFRONT.test(text) ? 'upfront' : ARREARS.test(text) ? 'in arrears' : undefined;
  const net = NET.exec(text);
  const days = net ? Number(net[1] ?? net[2] ?? net[3]) : undefined;
  if (frequency === undefined && timing === undefined && days === undefined) return text;
  const head = [frequency, timing].filter(Boolean).join(' ');
  const tail = days === undefined ? '' : `net ${days}`;
  return [head, tail].filter(Boolean).join(', ');
}

const CLAUSE_SPELLINGS: Readonly<Record<(typeof KNOWN_CLAUSES)[number], readonly string[]>> = {
  custom_sla: [
    'custom sla',
    'sla',
    'bespoke sla',
    'enhanced sla',
    'premium sla',
    'uptime guarantee',
    'service credits',
  ],
  mfn: ['mfn', 'most favored nation', 'most favoured nation', 'most favored customer', 'most favoured customer', 'mfc'],
  termination_for_convenience: [
    'termination for convenience',
    'tfc',
    't4c',
    'terminate for convenience',
    'cancel anytime',
    'early termination',
  ],
  custom_payment_terms: [
    'custom payment terms',
    'payment terms',
    'extended payment terms',
    'non standard payment terms',
    'net 90',
    'net 120',
    'net 90 payment terms',
    'net 120 payment terms',
  ],
  uncapped_liability: ['uncapped liability', 'unlimited liability', 'no liability cap', 'liability uncapped'],
  source_code_escrow: ['source code escrow', 'escrow', 'code escrow', 'software escrow'],
  custom_integration: [
    'custom integration',
    'bespoke integration',
    'custom connector',
    'custom development',
    'custom api',
  ],
};

const slug = (text: string): string =>
  fold(text)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

const CLAUSE_LOOKUP = new Map<string, string>(
  Object.entries(CLAUSE_SPELLINGS).flatMap(([tag, spellings]) =>
    [tag, ...spellings].map((s): [string, string] => [slug(s), tag]),
  ),
);

/** One clause tag: a known spelling (`MFN`, `Most favoured nation`, `escrow`) becomes its tag; others become a snake_case tag. */
export function normalizeClause(raw: string): string | null {
  const key = slug(raw);
  if (key === '') return null;
  return CLAUSE_LOOKUP.get(key) ?? key;
}

/** Clause tags, normalised, blanks dropped, each once, in the order given. */
export function normalizeClauses(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of raw) {
    const tag = normalizeClause(item);
    if (tag !== null && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/**
 * Reads a discount as written in a CRM export: `15`, `15%`, `12.5 %`. A bare number is percent points; a bare
 * number between 0 and 1 (`0.15`) reads two ways and is refused (write `15` or `15%`, or `0.15%`).
 */
export function parseDiscount(raw: string): { value: number | null } | { error: string } {
  const text = raw.trim();
  if (text === '') return { value: null };
  const m = /^(-?\d+(?:[.,]\d+)?)\s*(%?)$/.exec(text);
  if (!m) return { error: `"${text}" is not a discount (write 15 or 15%)` };
  const value = Number((m[1] as string).replace(',', '.'));
  if (!m[2] && value > 0 && value < 1)
    return {
      error: `ambiguous discount "${text}": write ${Math.round(value * 1000) / 10}% for that share of the price, or ${text}% for less than one percent`,
    };
  if (value < 0 || value > 100) return { error: `discount ${text} is outside 0–100%` };
  return { value };
}

/** Discount bands the contract-terms report groups deals by (upper bounds included). */
export const DISCOUNT_BANDS = ['no discount', 'up to 10%', '10–20%', '20–30%', 'over 30%'] as const;
export type DiscountBand = (typeof DISCOUNT_BANDS)[number];

export function discountBand(pct: number | null): DiscountBand {
  if (pct === null || pct <= 0) return 'no discount';
  if (pct <= 10) return 'up to 10%';
  if (pct <= 20) return '10–20%';
  if (pct <= 30) return '20–30%';
  return 'over 30%';
}

/** Whether anything about a deal's price is recorded: a pricing model, billing terms, a discount or a clause. */
export const termsRecorded = (t: ContractTerms): boolean =>
  t.pricingModel !== null || t.billingTerms !== null || t.discountPct !== null || t.nonStandardClauses.length > 0;

/**
 * A deal's pricing structure: pricing model + billing terms + discount band, each `unspecified` when not
 * recorded, e.g. `per_seat · annual upfront, net 30 · 10–20%`. Null when no terms are recorded.
 */
export function pricingStructure(t: ContractTerms): string | null {
  if (!termsRecorded(t)) return null;
  return [t.pricingModel ?? 'unspecified', t.billingTerms ?? 'unspecified', discountBand(t.discountPct)].join(' · ');
}

/**
 * Why a deal is non-standard: each clause tag it carries, and a discount above the threshold (percent).
 * Empty: a standard deal.
 */
export function nonStandardReasons(t: ContractTerms, discountThreshold: number): string[] {
  const reasons = t.nonStandardClauses.map((tag) => `clause ${tag}`);
  if (t.discountPct !== null && t.discountPct > discountThreshold)
    reasons.push(`discount ${t.discountPct}% above ${discountThreshold}%`);
  return reasons;
}
