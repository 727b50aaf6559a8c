import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeal, buildWorkspace } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import type { DealStageMappingTable } from '../deal.table.ts';
import {
  countDealsByStage,
  deletePipelineMappings,
  insertMappings,
  selectMappedDealsInGroup,
  selectMappings,
  selectPipelineMappings,
} from './stage.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const mapping = (workspaceId: string, over: Partial<DealStageMappingTable>): DealStageMappingTable => ({
  workspace_id: workspaceId,
  source: 'hubspot',
  pipeline: 'default',
  stage: 'stage',
  category: 'open',
  label: null,
  pipeline_label: null,
  probability: null,
  display_order: 1,
  ...over,
});

describe('stage mapping store (both databases)', () => {
  it('reads mappings by source, pipeline and display order, and replaces one pipeline without touching others', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    await insertMappings(t.db, [
      mapping(ws, { stage: 'won', category: 'won', display_order: 2 }),
      mapping(ws, { stage: 'appt', display_order: 1 }),
      mapping(ws, { pipeline: 'renewals', stage: 'renewed', category: 'won', display_order: 1 }),
      mapping(ws, { source: 'fivetran', stage: 'x', display_order: 5 }),
    ]);
    await insertMappings(t.db, [mapping((await buildWorkspace(t.db)).id, { stage: 'theirs' })]);
    const keys = (rows: DealStageMappingTable[]) => rows.map((r) => `${r.source}/${r.pipeline}/${r.stage}`);

    expect(keys(await selectMappings(t.db, ws))).toEqual([
      'fivetran/default/x',
      'hubspot/default/appt',
      'hubspot/default/won',
      'hubspot/renewals/renewed',
    ]);
    expect(keys(await selectPipelineMappings(t.db, ws, 'hubspot', 'default'))).toEqual([
      'hubspot/default/appt',
      'hubspot/default/won',
    ]);
    await deletePipelineMappings(t.db, ws, 'hubspot', 'default');
    expect(keys(await selectMappings(t.db, ws))).toEqual(['fivetran/default/x', 'hubspot/renewals/renewed']);
  });

  it('orders stages of equal display order by name', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    await insertMappings(t.db, [
      mapping(ws, { stage: 'b', display_order: 1 }),
      mapping(ws, { stage: 'a', display_order: 1 }),
      mapping(ws, { stage: 'c', display_order: 0 }),
    ]);
    expect((await selectPipelineMappings(t.db, ws, 'hubspot', 'default')).map((r) => r.stage)).toEqual(['c', 'a', 'b']);
  });

  it('inserts more mappings than one statement binds', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const many = Array.from({ length: 1_203 }, (_, i) => mapping(ws, { stage: `s-${i}`, display_order: i }));
    await insertMappings(t.db, many);
    expect(await selectPipelineMappings(t.db, ws, 'hubspot', 'default')).toEqual(many);
  });

  it('counts deals by stage group, optionally by source, and finds the deals a mapping decides', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = await buildDeal(t.db, ws, {
      source: 'hubspot',
      pipeline: 'default',
      stage: 'won',
      stage_category: 'won',
    });
    await buildDeal(t.db, ws, { source: 'hubspot', pipeline: 'default', stage: 'won', stage_category: 'won' });
    await buildDeal(t.db, ws, {
      source: 'hubspot',
      pipeline: 'default',
      stage: 'won',
      stage_category: 'won',
      stage_category_stated: 1,
    });
    const noPipeline = await buildDeal(t.db, ws, { pipeline: null, stage: 'Closed Won', stage_category: 'won' });
    await buildDeal(t.db, (await buildWorkspace(t.db)).id, { source: 'hubspot', pipeline: 'default', stage: 'won' });

    const counts = await countDealsByStage(t.db, ws);
    const key = (r: (typeof counts)[number]) =>
      `${r.source}/${r.pipeline}/${r.stage}/${r.stage_category_stated}:${r.n}`;
    expect(counts.map(key).sort()).toEqual([
      'hubspot/default/won/0:2',
      'hubspot/default/won/1:1',
      'salesforce/null/Closed Won/0:1',
    ]);
    expect((await countDealsByStage(t.db, ws, ['salesforce'])).map(key)).toEqual(['salesforce/null/Closed Won/0:1']);
    expect(await countDealsByStage(t.db, ws, []), 'no sources: no deals').toEqual([]);

    const group = { source: 'hubspot', pipeline: 'default', stage: 'won', category: 'won' };
    const decided = await selectMappedDealsInGroup(t.db, ws, group);
    expect(decided).toHaveLength(2);
    expect(decided.map((d) => d.id)).toContain(a.id);
    const nullGroup = { source: 'salesforce', pipeline: null, stage: 'Closed Won', category: 'won' };
    expect((await selectMappedDealsInGroup(t.db, ws, nullGroup)).map((d) => d.id)).toEqual([noPipeline.id]);
    expect(await selectMappedDealsInGroup(t.db, ws, { ...group, category: 'open' })).toEqual([]);
  });
});
