/**
 * The keyword table that reads the words used in a sale as a strength of promise. Pure data.
 *
 * | strength | what the customer heard | phrases (examples) |
 * |---|---|---|
 * | `vague` | it may happen some day | "looking at it", "on the roadmap", "exploring", "maybe", "no promises", "not committed" |
 * | `intent` | it is planned, without a date | "planned", "coming soon", "next release", "working on it", "targeting" |
 * | `firm` | it will happen, or by when | "committed", "guaranteed", "will deliver", "promised", and any date: "by Q3", "Q3 2026", "by March", "2026-09-30", "within 6 weeks", "end of year" |
 *
 * Negations are phrases of their own ("not committed", "no promises", "can't commit", "won't"): where two
 * phrases overlap, the longer one is read, so "not committed" is vague although it contains "committed".
 */

export const STRENGTHS = ['vague', 'intent', 'firm'] as const;
export type Strength = (typeof STRENGTHS)[number];

export interface WordRule {
  strength: Strength;
  /** What the rule recognises, for explanations: the phrase itself, or a kind of date. */
  label: string;
  pattern: RegExp;
}

const VAGUE = [
  'looking at',
  'looking into',
  'look into',
  'take a look',
  'have a look',
  'exploring',
  'considering',
  'thinking about',
  'evaluating',
  'investigating',
  'under review',
  'on the roadmap',
  'on our roadmap',
  'roadmap',
  'on the radar',
  'on our radar',
  'backlog',
  'wishlist',
  'wish list',
  'feature request',
  'logged the request',
  'passed it to product',
  'passed to product',
  'share with product',
  'raise with product',
  'maybe',
  'perhaps',
  'possibly',
  'might',
  'could',
  'hope to',
  'hoping to',
  'ideally',
  'eventually',
  'someday',
  'some day',
  'long term',
  'long-term',
  'in the future',
  'at some point',
  "we'll see",
  'no promise',
  'no promises',
  'not a promise',
  'not promised',
  'not committed',
  'not a commitment',
  'no commitment',
  "can't commit",
  'cannot commit',
  'can not commit',
  'not guaranteed',
  'no guarantee',
  "won't",
  'will not',
];

const INTENT = [
  'planned',
  'plan to',
  'planning to',
  'we plan',
  'on the plan',
  'coming soon',
  'soon',
  'shortly',
  'next release',
  'next version',
  'next update',
  'upcoming',
  'in the works',
  'in development',
  'in progress',
  'being built',
  'working on',
  'intend to',
  'expect to',
  'expected',
  'should be available',
  'should be ready',
  'should land',
  'should ship',
  'targeted',
  'targeting',
  'aiming for',
  'aiming to',
  'aim to',
  'prioritized',
  'prioritised',
  'high priority',
  'top priority',
  'scheduled',
  'in beta',
  'early access',
];

const FIRM = [
  'committed',
  'commit to',
  'we commit',
  'commitment',
  'guaranteed',
  'guarantee',
  'promise',
  'promised',
  'will deliver',
  'will ship',
  'will be delivered',
  'will be shipped',
  'will be available',
  'will be ready',
  'will be live',
  'will have',
  'will build',
  'will provide',
  'will support',
  'will add',
  'will include',
  'definitely',
  'certainly',
  'for sure',
  'contractual',
  'contractually',
  'in the contract',
  'in the order form',
  'in the sow',
];

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** Dates in any of their usual spellings: a customer who heard a date heard a firm promise. */
const DATES: ReadonlyArray<readonly [label: string, source: string]> = [
  ['a quarter', "\\b(?:q[1-4]|h[12])(?:\\s*(?:fy)?\\s*'?(?:20)?\\d{2})?\\b"],
  ['a calendar date', '\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b'],
  [
    'a month',
    `\\b(?:by|before|in|until|end of|early|mid|late)\\s+(?:the\\s+end\\s+of\\s+)?${MONTH}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\b|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b${MONTH}\\s+20\\d{2}\\b`,
  ],
  ['a year', '\\b(?:by|before|in|until)\\s+20\\d{2}\\b|\\bfy\\s?\\d{2,4}\\b'],
  [
    'the end of a period',
    '\\b(?:by|before)?\\s*(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:this\\s+|next\\s+)?(?:year|quarter|month)\\b|\\beo[yqm]\\b',
  ],
  [
    'a number of days, weeks or months',
    '\\b(?:within|in)\\s+(?:\\d+|a|one|two|three|four|six|(?:a\\s+)?few|(?:a\\s+)?couple\\s+of)\\s+(?:days?|weeks?|months?)\\b',
  ],
  [
    'next week, month or quarter',
    '\\b(?:by|in)\\s+(?:the\\s+)?(?:next|this)\\s+(?:week|month|quarter)\\b|\\bnext\\s+(?:week|month|quarter)\\b',
  ],
];

const escape = (phrase: string): string => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

const phraseRule =
  (strength: Strength) =>
  (phrase: string): WordRule => ({
    strength,
    label: `"${phrase}"`,
    pattern: new RegExp(`(?<![a-z0-9'])${escape(phrase)}(?![a-z0-9])`, 'g'),
  });

/** Every rule, each with a global, lower-case pattern; `classifyWords` reads them. */
export const WORD_RULES: readonly WordRule[] = [
  ...VAGUE.map(phraseRule('vague')),
  ...INTENT.map(phraseRule('intent')),
  ...FIRM.map(phraseRule('firm')),
  ...DATES.map(([label, source]): WordRule => ({ strength: 'firm', label, pattern: new RegExp(source, 'g') })),
];
