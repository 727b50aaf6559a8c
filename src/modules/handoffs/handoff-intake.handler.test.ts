import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { createWorkspace } from '../../platform/identity/workspace.service.ts';
import { createAccount } from '../accounts/account.service.ts';
import { linkDealsToAccounts } from '../deals/deal-accounts.service.ts';
import { applyDealBatch, type DealRecord, DEFAULT_GUARD, loadStageMap } from '../deals/index.ts';
import * as store from './handoff.store.ts';

const won = (externalId: string, accountName: string): DealRecord => ({
  source: 'salesforce',
  externalId,
  name: `Deal ${externalId}`,
  accountName,
  accountExternalId: null,
  stage: 'Closed Won',
  stageCategory: 'won',
  pipeline: null,
  amount: 50000,
  currency: 'EUR',
  closeDate: '2026-03-02',
  signedDate: '2026-03-01',
  createdDate: '2026-01-10',
  owner: null,
  products: ['Platform'],
  partner: null,
});

/** Applies deal records as one import batch on `db` (a transaction the caller owns). */
async function apply(db: Db, workspaceId: string, records: DealRecord[]): Promise<void> {
  const stages = await loadStageMap(db, workspaceId);
  await applyDealBatch(
    db,
    { workspaceId, guard: { ...DEFAULT_GUARD, financeConfirmed: false }, stages, unmappedStages: new Set() },
    records.map((record, i) => ({ row: i + 1, record })),
  );
}

const dealIdOf = async (db: Db, workspaceId: string, externalId: string) =>
  (
    await db
      .selectFrom('deals')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('external_id', '=', externalId)
      .executeTakeFirst()
  )?.id;

/** The deals events as handoffs answers them, in the deal change's own transaction. */
describe('the handoff intake of deals events', () => {
  let t: TestDatabase;
  let workspaceId: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = (await createWorkspace(t.db, SYSTEM_ACTOR, { slug: 'intake' })).id;
  });
  afterAll(async () => t?.close());

  it('writes a confirmed deal’s brief in the deal’s transaction, so a change rolled back leaves neither', async () => {
    const failed = t.db.transaction().execute(async (trx) => {
      await apply(trx, workspaceId, [won('rolled-back', 'Nobody Ltd')]);
      const dealId = await dealIdOf(trx, workspaceId, 'rolled-back');
      expect(dealId).toBeDefined();
      expect(await store.findBriefByDeal(trx, workspaceId, dealId as string)).toMatchObject({ state: 'draft' });
      throw new Error('the change fails after the deal was confirmed');
    });
    await expect(failed).rejects.toThrow('the change fails');
    expect(await dealIdOf(t.db, workspaceId, 'rolled-back')).toBeUndefined();
    const briefs = await t.db
      .selectFrom('handoff_briefs')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(briefs).toEqual([]);
  });

  it('links the brief of a deal won before its account existed once the deals are linked to it', async () => {
    await t.db.transaction().execute((trx) => apply(trx, workspaceId, [won('early', 'Later Account GmbH')]));
    const dealId = (await dealIdOf(t.db, workspaceId, 'early')) as string;
    expect((await store.findBriefByDeal(t.db, workspaceId, dealId))?.account_id).toBeNull();

    const account = await t.db.transaction().execute((trx) =>
      createAccount(
        trx,
        SYSTEM_ACTOR,
        { workspaceId, partnerId: null },
        {
          name: 'Later Account GmbH',
          segment: 'smb',
        },
      ),
    );
    expect(await linkDealsToAccounts(t.db, workspaceId)).toBe(1);
    expect((await store.findBriefByDeal(t.db, workspaceId, dealId))?.account_id).toBe(account.id);
  });
});
