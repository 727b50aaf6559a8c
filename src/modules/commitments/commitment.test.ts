import { describe, expect, it } from 'vitest';
import {
  classifyWords,
  COMMITMENT_STATUSES,
  type CommitmentStatus,
  daysBetween,
  daysOverdue,
  exposureOf,
  isUnscoped,
  STATUS_RANK,
  type Strength,
} from './commitment.ts';

describe('classifyWords: the words → strength table', () => {
  it.each<[words: string, strength: Strength, phrase: string | null]>([
    // vague: it may happen some day
    ["We're looking at it", 'vague', 'looking at'],
    ["It's on the roadmap", 'vague', 'on the roadmap'],
    ['Product is exploring options', 'vague', 'exploring'],
    ['Maybe later this year?', 'vague', 'Maybe'],
    ["It's in the backlog", 'vague', 'backlog'],
    ['We logged the feature request', 'vague', 'feature request'],
    ['Something we hope to do eventually', 'vague', 'hope to'],
    // intent: planned, no date
    ['It is planned', 'intent', 'planned'],
    ['Coming soon!', 'intent', 'Coming soon'],
    ['It will be in the next release', 'intent', 'next release'],
    ["We're working on it", 'intent', 'working on'],
    ['Engineering is targeting it', 'intent', 'targeting'],
    ['Should be available shortly', 'intent', 'Should be available'],
    // firm: a commitment, or a date
    ['Committed', 'firm', 'Committed'],
    ['We guarantee it', 'firm', 'guarantee'],
    ['We will deliver it', 'firm', 'will deliver'],
    ['Promised to the CFO', 'firm', 'Promised'],
    ['Definitely part of the package', 'firm', 'Definitely'],
    ['Written into the SOW: in the SOW', 'firm', 'in the SOW'],
    ['by Q3', 'firm', 'Q3'],
    ['Q3 2026', 'firm', 'Q3 2026'],
    ["Ships in H2'26", 'firm', "H2'26"],
    ['Ready by March', 'firm', 'by March'],
    ['Live on 15 September', 'firm', '15 September'],
    ['Target date 2026-09-30', 'firm', '2026-09-30'],
    ['Within 6 weeks of go-live', 'firm', 'Within 6 weeks'],
    ['In a couple of months', 'firm', 'In a couple of months'],
    ['Before the end of the year', 'firm', 'Before the end of the year'],
    ['EOQ', 'firm', 'EOQ'],
    ['by 2027', 'firm', 'by 2027'],
  ])('%j → %s (matched %j)', (words, strength, phrase) => {
    const reading = classifyWords(words);
    expect(reading.strength).toBe(strength);
    expect(reading.phrase).toBe(phrase);
  });

  it.each<[words: string, strength: Strength, phrase: string]>([
    ['Not committed yet', 'vague', 'Not committed'],
    ['No commitment, but we are exploring', 'vague', 'No commitment'],
    ['No promises', 'vague', 'No promises'],
    ["We can't commit to that", 'vague', "can't commit"],
    ['It is not guaranteed', 'vague', 'not guaranteed'],
    ['We will have a look', 'vague', 'have a look'],
    ["It won't be in this release", 'vague', "won't"],
  ])('reads the negation %j as %s: the longer phrase wins over the one inside it', (words, strength, phrase) => {
    expect(classifyWords(words)).toMatchObject({ strength, phrase });
  });

  it('takes the strongest phrase, and says which one and every other it read', () => {
    const reading = classifyWords("It's on the roadmap for Q3, we're working on it");
    expect(reading).toMatchObject({ strength: 'firm', phrase: 'Q3', rule: 'a quarter' });
    expect(reading.matches.map((m) => [m.phrase, m.strength])).toEqual([
      ['on the roadmap', 'vague'],
      ['Q3', 'firm'],
      ['working on', 'intent'],
    ]);
  });

  it('keeps the earliest of equally strong phrases, and curly apostrophes read as straight ones', () => {
    expect(classifyWords('Committed, guaranteed').phrase).toBe('Committed');
    expect(classifyWords('We’re looking at it')).toMatchObject({ strength: 'vague', phrase: 'looking at' });
  });

  it('reads words no phrase explains as intent, and says so', () => {
    const reading = classifyWords('Yes, the customer will love it');
    expect(reading).toMatchObject({ strength: 'intent', phrase: null, matches: [] });
    expect(reading.rule).toContain('no phrase');
  });

  it('matches whole words only', () => {
    expect(classifyWords('The unplanned outage').phrase).toBeNull();
    expect(classifyWords('Ask the FAQ3 page').phrase).toBeNull();
    expect(classifyWords('you may see it').phrase).toBeNull();
  });
});

describe('status ranks', () => {
  it('orders declined < not_reviewed < under_consideration < planned < committed < shipped', () => {
    const sorted = [...COMMITMENT_STATUSES].sort((a, b) => STATUS_RANK[a] - STATUS_RANK[b]);
    expect(sorted).toEqual(['declined', 'not_reviewed', 'under_consideration', 'planned', 'committed', 'shipped']);
  });
});

describe('exposure: status weaker than the words', () => {
  const table: Record<Strength, CommitmentStatus[]> = {
    vague: [],
    intent: ['declined', 'not_reviewed', 'under_consideration'],
    firm: ['declined', 'not_reviewed', 'under_consideration', 'planned'],
  };
  const cases = (Object.keys(table) as Strength[]).flatMap((strength) =>
    COMMITMENT_STATUSES.map((status): [Strength, CommitmentStatus, boolean] => [
      strength,
      status,
      table[strength].includes(status),
    ]),
  );

  it.each(cases)('%s words, status %s → exposed %s', (strength, status, exposed) => {
    const e = exposureOf({ strength, phrase: null }, status);
    expect(e.exposed).toBe(exposed);
    expect(e.reason === null).toBe(!exposed);
  });

  it('says why, with the phrase, what the words need and how far short the status is', () => {
    const e = exposureOf({ strength: 'firm', phrase: 'by Q3' }, 'not_reviewed');
    expect(e).toMatchObject({ exposed: true, needs: 'committed', gap: 3 });
    expect(e.reason).toBe(
      'the words were firm ("by Q3") but product\'s status is not reviewed; firm words need committed or shipped',
    );
    expect(exposureOf({ strength: 'intent', phrase: 'soon' }, 'declined')).toMatchObject({ needs: 'planned', gap: 3 });
    expect(exposureOf({ strength: 'vague', phrase: 'maybe' }, 'declined')).toMatchObject({
      exposed: false,
      needs: null,
      gap: 0,
    });
  });
});

describe('overdue and unscoped', () => {
  it('counts days overdue only after the due date and until shipped', () => {
    expect(daysBetween('2026-11-30', '2026-12-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    expect(daysOverdue({ dueDate: '2026-11-01', status: 'planned' }, '2026-12-01')).toBe(30);
    expect(daysOverdue({ dueDate: '2026-12-01', status: 'planned' }, '2026-12-01')).toBeNull();
    expect(daysOverdue({ dueDate: '2026-11-01', status: 'shipped' }, '2026-12-01')).toBeNull();
    expect(daysOverdue({ dueDate: '2026-11-01', status: 'declined' }, '2026-12-01')).toBe(30);
    expect(daysOverdue({ dueDate: null, status: 'planned' }, '2026-12-01')).toBeNull();
  });

  it.each<[CommitmentStatus, string | null, boolean]>([
    ['not_reviewed', '2027-01-01', true],
    ['not_reviewed', null, true],
    ['under_consideration', null, true],
    ['planned', null, true],
    ['committed', null, true],
    ['committed', '2027-01-01', false],
    ['shipped', null, false],
    ['declined', null, false],
  ])('status %s with due date %s → unscoped %s', (status, dueDate, unscoped) => {
    expect(isUnscoped({ status, dueDate })).toBe(unscoped);
  });
});
