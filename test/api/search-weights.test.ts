/**
 * Search weighs each word by how few documents hold it, and those counts follow the documents as they change (on
 * PostgreSQL they are estimated from each kind's newest documents and kept in memory for a while).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/app/modules.ts';
import { searchKnowledge } from '../../src/modules/knowledge/index.ts';
import { SAMPLE_PER_KIND, termDocuments } from '../../src/modules/knowledge/search/term-counts.ts';
import { upsertDoc } from '../../src/modules/knowledge/search/search.store.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { createWorkspace } from '../../src/platform/identity/workspace.service.ts';
import { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from '../helpers/test-db.ts';

let t: TestDatabase;
let n = 0;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const workspace = async () => (await createWorkspace(t.db, SYSTEM_ACTOR, { slug: `search-weights-${++n}` })).id;

const doc = (refId: string, body: string, title = 'Customer note') => ({
  kind: 'ticket' as const,
  refId,
  externalId: refId,
  title,
  body,
  url: `/support/tickets/${refId}`,
  updatedAt: '2026-11-01T09:00:00.000Z',
});

const ask = async (workspaceId: string, query: string) =>
  (await searchKnowledge(t.db, { workspaceId, partnerId: null }, { query, limit: 3 })).map((h) => h.id);

describe('search weights', () => {
  it('ranks the rarer word first, and follows the counts when documents change', async () => {
    const ws = await workspace();
    await upsertDoc(t.db, ws, doc('a', 'The customer mentioned okta once while we talked about the rollout.'));
    await upsertDoc(t.db, ws, doc('b', 'The customer could not login to the dashboard after the rollout.'));
    for (let i = 0; i < 6; i++)
      await upsertDoc(t.db, ws, doc(`l-${i}`, `A login question number ${i} about the weekly report.`));
    expect((await ask(ws, 'okta login'))[0]).toBe('a');

    // Okta becomes the common word: the document with the rarer one, login, now leads among the two.
    for (let i = 0; i < 12; i++)
      await upsertDoc(t.db, ws, doc(`o-${i}`, `Okta question number ${i}: okta okta groups and okta apps.`));
    for (let i = 0; i < 6; i++)
      await upsertDoc(t.db, ws, doc(`l-${i}`, `A question number ${i} about the weekly report.`));
    const ranked = await ask(ws, 'okta login');
    expect(ranked[0]).toBe('b');
  });
});

describe.runIf(TEST_POSTGRES_URL)('term counts on a large kind (PostgreSQL)', () => {
  it('estimates a word one document in three holds from the newest, and still finds an old rare one', async () => {
    const ws = await workspace();
    const size = SAMPLE_PER_KIND + 500;
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < size; i++) {
        const every3 = i % 3 === 0 ? 'widget ' : '';
        const rare = i === 0 ? 'zyxtquart ' : '';
        await upsertDoc(trx, ws, doc(`t-${String(i).padStart(5, '0')}`, `${every3}${rare}report about the rollout`));
      }
    });
    const counted = await termDocuments(t.db, { workspaceId: ws, kinds: ['ticket'] }, ['widget', 'zyxtquart']);
    expect(counted.total).toBe(size);
    expect(Math.abs((counted.documents[0] as number) - size / 3)).toBeLessThan(size / 30);
    // The oldest document is outside the sample: its word is counted as rare, not as absent.
    expect(counted.documents[1]).toBeGreaterThan(0);
    expect(counted.documents[1]).toBeLessThan(5);
    expect(await ask(ws, 'zyxtquart')).toEqual(['t-00000']);
  });
});
