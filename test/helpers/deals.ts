import type { DealRecord } from '../../src/modules/deals/deal.ts';
import { DEFAULT_GUARD } from '../../src/modules/deals/deal.ts';
import { applyDealBatch, loadStageMap } from '../../src/modules/deals/deal.service.ts';
import type { TestApp } from './test-app.ts';

const DEFAULTS: Omit<DealRecord, 'externalId' | 'name'> = {
  source: 'salesforce',
  accountName: null,
  accountExternalId: null,
  stage: 'Closed Won',
  stageCategory: 'won',
  pipeline: null,
  amount: 120000,
  currency: 'USD',
  closeDate: '2026-10-15',
  signedDate: '2026-10-14',
  createdDate: '2026-06-01',
  owner: null,
  products: ['Platform'],
  partner: null,
};

/** Builds deal records as an import would deliver them: a won, signed deal unless told otherwise. */
export const dealFactory =
  (base: Partial<DealRecord>) =>
  (externalId: string, over: Partial<DealRecord> = {}): DealRecord => ({
    ...DEFAULTS,
    name: `Deal ${externalId}`,
    ...base,
    externalId,
    ...over,
  });

/** Applies deal records as one import batch, in a transaction, with the workspace's stage mappings. */
export async function loadDeals(t: TestApp, workspaceId: string, records: DealRecord[]) {
  const stages = await loadStageMap(t.ctx.db, workspaceId);
  return t.ctx.db.transaction().execute((trx) =>
    applyDealBatch(
      trx,
      { workspaceId, guard: DEFAULT_GUARD, stages, unmappedStages: new Set() },
      records.map((record, i) => ({ row: i + 1, record })),
    ),
  );
}
