import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImportRun, buildWorkspace } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { findImportRun, selectImportRuns, updateImportRunNotes } from './import-run.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('import run store (both databases)', () => {
  it("pages a workspace's runs newest first by (started_at, id), optionally of one kind", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    await buildImportRun(t.db, (await buildWorkspace(t.db)).id);
    const at = '2026-11-20T10:00:00.000Z';
    const old = await buildImportRun(t.db, ws, { started_at: '2026-11-19T00:00:00.000Z', kind: 'deals' });
    const a = await buildImportRun(t.db, ws, { started_at: at });
    const b = await buildImportRun(t.db, ws, { started_at: at, kind: 'deals' });
    expect(ids(await selectImportRuns(t.db, ws, { limit: 2 }))).toEqual([b.id, a.id]);
    expect(ids(await selectImportRuns(t.db, ws, { before: { startedAt: at, id: a.id }, limit: 2 }))).toEqual([old.id]);
    expect(ids(await selectImportRuns(t.db, ws, { kind: 'deals', limit: 5 }))).toEqual([b.id, old.id]);
  });

  it('finds a run in its workspace only, and keeps its notes as a list', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const run = await buildImportRun(t.db, ws, { read: 3, rejected: 1 });
    expect(await findImportRun(t.db, (await buildWorkspace(t.db)).id, run.id)).toBeUndefined();
    await updateImportRunNotes(t.db, run.id, ['2 dates read day-first', 'a "quoted" note']);
    const back = await findImportRun(t.db, ws, run.id);
    expect(back).toEqual({ ...run, notes: JSON.stringify(['2 dates read day-first', 'a "quoted" note']) });
  });
});
