import { describe, expect, it } from 'vitest';
import { classifyWords, type CommitmentStatus, daysBetween } from '../modules/commitments/commitment.ts';
import { exposureReport } from '../modules/commitments/exposure-report.ts';
import {
  normalizeBillingTerms,
  normalizePricingModel,
  pricingStructure,
} from '../modules/deals/terms/contract-terms.ts';
import { DEMO_COMMITMENT_COUNT, generateDemoCommitments } from './commitments.ts';
import { generateDemo } from './generate.ts';

const today = new Date('2026-12-01T10:30:00Z');
const TODAY = '2026-12-01';
const demo = generateDemo(42, today);
const statusOf = (c: (typeof demo.commitments)[number]): CommitmentStatus => c.history.at(-1)?.to ?? 'not_reviewed';

const report = exposureReport(
  demo.commitments.map((c, i) => {
    const reading = classifyWords(c.words);
    return {
      id: String(i),
      accountId: c.accountName,
      accountName: c.accountName,
      what: c.what,
      words: c.words,
      strength: reading.strength,
      matchedPhrase: reading.phrase,
      status: statusOf(c),
      dueDate: c.dueDate,
    };
  }),
  new Map(demo.accounts.map((a) => [a.name, a.renewalDate])),
  TODAY,
  180,
);

describe('the demo commitments ledger', () => {
  it('has sixty promises, the same for the same seed and day, and leaves the rest of the demo as it was', () => {
    expect(demo.commitments).toHaveLength(DEMO_COMMITMENT_COUNT);
    expect(generateDemo(42, new Date(today)).commitments).toEqual(demo.commitments);
    expect(generateDemo(7, today).commitments).not.toEqual(demo.commitments);
    const again = generateDemoCommitments(42, demo.accounts, demo.staff, today);
    expect(again.map((c) => c.what)).toEqual(demo.commitments.map((c) => c.what));
  });

  it('puts 12 promises overdue, 14 on accounts renewing within 180 days, and at least the 16 over-promised ones exposed', () => {
    expect(report.overdue.count).toBe(12);
    expect(report.renewing.count).toBe(14);
    expect(report.exposed.count).toBeGreaterThanOrEqual(16);
    const firmUnreviewed = demo.commitments.filter(
      (c) => classifyWords(c.words).strength === 'firm' && ['not_reviewed', 'declined'].includes(statusOf(c)),
    );
    expect(firmUnreviewed.length).toBeGreaterThanOrEqual(10);
  });

  it('uses every strength of words and every product status', () => {
    expect(new Set(demo.commitments.map((c) => classifyWords(c.words).strength))).toEqual(
      new Set(['vague', 'intent', 'firm']),
    );
    expect(new Set(demo.commitments.map(statusOf))).toEqual(
      new Set(['not_reviewed', 'under_consideration', 'planned', 'committed', 'shipped', 'declined']),
    );
  });

  it('keeps dates in order: made before today, due at least three weeks after, answered between the two', () => {
    for (const c of demo.commitments) {
      expect(daysBetween(c.madeOn, TODAY)).toBeGreaterThan(0);
      if (c.dueDate) expect(daysBetween(c.madeOn, c.dueDate)).toBeGreaterThanOrEqual(14);
      let previous = `${c.madeOn}T12:00:00.000Z`;
      for (const step of c.history) {
        expect(step.at > previous).toBe(true);
        expect(step.at < `${TODAY}T00:00:00.000Z`).toBe(true);
        previous = step.at;
      }
    }
  });

  it('makes promises to the account’s own contacts, ties some to the won deal they were made in, before its signature', () => {
    const byName = new Map(demo.accounts.map((a) => [a.name, a]));
    const toContacts = demo.commitments.filter((c) => c.toContactEmail);
    expect(toContacts.length).toBeGreaterThan(30);
    for (const c of toContacts)
      expect(byName.get(c.accountName)?.contacts.map((x) => x.email)).toContain(c.toContactEmail);
    const linked = demo.commitments.filter((c) => c.deal);
    expect(linked.length).toBeGreaterThanOrEqual(10);
    for (const c of linked) {
      const deal = demo.deals.find((d) => d.record.externalId === c.deal?.externalId);
      expect(deal?.accountName).toBe(c.accountName);
      expect(deal?.record.stage).toBe('closedwon');
      expect(c.madeOn <= (deal?.record.signedDate ?? '')).toBe(true);
    }
  });

  it('gives each won deal contract terms: mostly the standard structure, with a tail of variations and negotiated clauses', () => {
    const won = demo.deals.filter((d) => d.record.stage === 'closedwon' && !d.reopens);
    expect(demo.contractTerms).toHaveLength(won.length);
    const structures = demo.contractTerms.map((t) =>
      pricingStructure({
        ...t.terms,
        pricingModel: normalizePricingModel(t.terms.pricingModel),
        billingTerms: normalizeBillingTerms(t.terms.billingTerms),
      }),
    );
    expect(new Set(structures).size).toBeGreaterThan(5);
    const withClauses = demo.contractTerms.filter((t) => t.terms.nonStandardClauses.length > 0).length;
    expect(withClauses).toBeGreaterThan(won.length * 0.1);
    expect(withClauses).toBeLessThan(won.length * 0.4);
  });
});
