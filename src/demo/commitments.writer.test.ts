import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-db.ts';
import { getCommitment, listCommitments } from '../modules/commitments/commitment.service.ts';
import { commitmentExposure } from '../modules/commitments/exposure.service.ts';
import { contractTermsReportFor } from '../modules/commitments/terms-report.service.ts';
import { buildDemoWorkspace, type DemoSummary } from './demo.service.ts';
import { generateDemo } from './generate.ts';

const today = new Date('2026-12-01T10:30:00Z');
let t: TestDatabase;
let summary: DemoSummary;

beforeAll(async () => {
  t = await createTestDatabase();
  summary = await t.db.transaction().execute((trx) => buildDemoWorkspace(trx, { today }));
});
afterAll(async () => t?.close());

describe('the demo workspace’s commitments and contract terms, as written', () => {
  const scope = () => ({ workspaceId: summary.workspaceId, partnerId: null });

  it('writes the sixty promises, with their deals, contacts, makers and histories', async () => {
    const data = generateDemo(42, today);
    expect(summary.commitments).toBe(60);
    const page = await listCommitments(t.db, t.caps, scope(), { limit: 200 }, '2026-12-01');
    expect(page.total).toBe(60);
    expect(page.items.filter((c) => c.dealId !== null)).toHaveLength(data.commitments.filter((c) => c.deal).length);
    expect(page.items.filter((c) => c.toContactId !== null)).toHaveLength(
      data.commitments.filter((c) => c.toContactEmail).length,
    );
    expect(page.items.every((c) => c.madeBy.userId !== null && c.accountName !== null)).toBe(true);
    const reviewed = page.items.find((c) => c.status === 'shipped');
    const history = (await getCommitment(t.db, scope(), reviewed?.id as string)).history;
    expect(history.map((h) => h.to)).toEqual(['not_reviewed', 'planned', 'committed', 'shipped']);
    expect(history[1]?.changedBy.label).toBe(data.staff.find((s) => s.position === 'leader')?.name);
  });

  it('shows the exposure the generator planned', async () => {
    const report = await commitmentExposure(t.db, t.caps, scope(), { today: '2026-12-01' });
    expect(report.totals.commitments).toBe(60);
    expect(report.overdue.count).toBe(12);
    expect(report.renewing.count).toBe(14);
    expect(report.exposed.count).toBeGreaterThanOrEqual(16);
  });

  it('records contract terms on the won deals, which the contract-terms report reads', async () => {
    const data = generateDemo(42, today);
    expect(summary.contractTerms).toBe(data.contractTerms.length);
    const report = await contractTermsReportFor(t.db, summary.workspaceId, { discountThreshold: 20 });
    expect(report.totals.withTerms).toBe(data.contractTerms.length);
    expect(report.totals.structures).toBeGreaterThan(5);
    expect(report.totals.nonStandard).toBeGreaterThan(0);
    expect(report.totals.withUnscopedCommitments).toBeGreaterThan(0);
    expect(report.byOwner.length).toBeGreaterThanOrEqual(3);
  });
});
