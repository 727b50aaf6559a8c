import { describe, expect, it } from 'vitest';
import { classifyWords, type CommitmentStatus } from './commitment.ts';
import { exposureReport } from './exposure-report.ts';

const today = '2026-12-01';

const renewals = new Map<string, string | null>([
  ['A1', '2027-01-30'], // in 60 days
  ['A2', '2027-08-01'], // in 243 days: outside the window
  ['A3', null],
  ['A4', '2026-11-20'], // already past
  ['A5', '2027-05-30'], // in exactly 180 days
]);

const promise = (id: string, accountId: string, words: string, status: CommitmentStatus, dueDate: string | null) => {
  const reading = classifyWords(words);
  return {
    id,
    accountId,
    accountName: `Account ${accountId}`,
    what: `feature of ${id}`,
    words,
    strength: reading.strength,
    matchedPhrase: reading.phrase,
    status,
    dueDate,
  };
};

const ledger = [
  promise('c1', 'A1', 'by Q3', 'not_reviewed', '2026-10-01'), // exposed (gap 3), overdue 61, renewing 60
  promise('c2', 'A1', 'coming soon', 'planned', null), // renewing only
  promise('c3', 'A1', 'committed', 'shipped', '2026-09-01'), // nothing: shipped
  promise('c4', 'A2', 'guaranteed', 'planned', '2026-11-30'), // exposed (gap 1), overdue 1
  promise('c5', 'A2', 'on the roadmap', 'declined', '2026-06-01'), // overdue 183 (vague: not exposed)
  promise('c6', 'A3', 'next release', 'declined', null), // exposed (gap 3)
  promise('c7', 'A3', 'planned', 'under_consideration', '2026-12-01'), // exposed (gap 1), due today: not overdue
  promise('c8', 'A4', 'promised', 'committed', '2026-12-15'), // nothing: covered, renewal past
  promise('c9', 'A5', 'maybe', 'not_reviewed', null), // renewing 180 (window edge included)
];

describe('exposureReport on a constructed ledger', () => {
  const report = exposureReport(ledger, renewals, today, 180);

  it('lists exposed promises, widest gap first, then by due date', () => {
    expect(report.exposed.rows.map((r) => r.commitmentId)).toEqual(['c1', 'c6', 'c4', 'c7']);
    expect(report.exposed).toMatchObject({ count: 4, accounts: 3 });
    expect(report.exposed.byStatus).toEqual({
      declined: 1,
      not_reviewed: 1,
      under_consideration: 1,
      planned: 1,
      committed: 0,
      shipped: 0,
    });
    expect(report.exposed.rows[0]?.reason).toBe(
      'the words were firm ("Q3") but product\'s status is not reviewed; firm words need committed or shipped',
    );
  });

  it('lists overdue promises, most days late first, shipped ones never', () => {
    expect(report.overdue.rows.map((r) => [r.commitmentId, r.daysOverdue])).toEqual([
      ['c5', 183],
      ['c1', 61],
      ['c4', 1],
    ]);
    expect(report.overdue).toMatchObject({ count: 3, accounts: 2 });
    expect(report.overdue.byStatus).toMatchObject({ declined: 1, not_reviewed: 1, planned: 1 });
    expect(report.overdue.rows[2]?.reason).toBe("due 2026-11-30, 1 day ago, and product's status is planned");
  });

  it('lists open promises on accounts renewing within the window, soonest first, the last day included', () => {
    expect(report.renewing.rows.map((r) => [r.commitmentId, r.daysToRenewal])).toEqual([
      ['c1', 60],
      ['c2', 60],
      ['c9', 180],
    ]);
    expect(report.renewing).toMatchObject({ count: 3, accounts: 2 });
    expect(report.renewing.rows[2]?.reason).toBe(
      'the account renews on 2027-05-30, in 180 days, and the promise is not reviewed, not shipped',
    );
  });

  it('totals the ledger and what is listed, counting a promise in several lists once', () => {
    expect(report.totals).toEqual({ commitments: 9, open: 8, listed: 7, accounts: 4 });
    expect(report).toMatchObject({ today, withinDays: 180 });
  });

  it('gives every row its account, words, status, due date, lateness and renewal', () => {
    expect(report.overdue.rows[1]).toEqual({
      commitmentId: 'c1',
      accountId: 'A1',
      accountName: 'Account A1',
      what: 'feature of c1',
      words: 'by Q3',
      strength: 'firm',
      matchedPhrase: 'Q3',
      status: 'not_reviewed',
      dueDate: '2026-10-01',
      daysOverdue: 61,
      renewalDate: '2027-01-30',
      daysToRenewal: 60,
      reason: "due 2026-10-01, 61 days ago, and product's status is not reviewed",
    });
  });

  it('narrows the renewal list with the window', () => {
    expect(exposureReport(ledger, renewals, today, 59).renewing.count).toBe(0);
    expect(exposureReport(ledger, renewals, today, 60).renewing.rows.map((r) => r.commitmentId)).toEqual(['c1', 'c2']);
    expect(exposureReport(ledger, renewals, today, 179).totals).toEqual({
      commitments: 9,
      open: 8,
      listed: 6,
      accounts: 3,
    });
  });

  it('gives empty sections for an empty ledger', () => {
    const empty = exposureReport([], renewals, today);
    expect(empty.totals).toEqual({ commitments: 0, open: 0, listed: 0, accounts: 0 });
    expect(empty.withinDays).toBe(180);
    expect(empty.exposed).toMatchObject({ count: 0, accounts: 0, rows: [] });
  });
});
