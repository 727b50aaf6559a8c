import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildWorkspace, FIXTURE_NOW } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import { selectImportRows, touchImportRows, upsertImportRows } from './usage-import.store.ts';
import type { UsageImportRowTable } from './usage-import.table.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const row = (workspace_id: string, account_id: string, row_key: string, over: Partial<UsageImportRowTable> = {}) => ({
  workspace_id,
  source: 'warehouse',
  row_key,
  account_id,
  day: '2026-11-01',
  feature: 'reports',
  user_key: null,
  events: 1,
  duration_secs: null,
  run_id: 'run-1',
  updated_at: FIXTURE_NOW,
  ...over,
});

describe('usage import row store (both databases)', () => {
  it('upserts rows by (source, row key): a row read again replaces every value it carries', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = (await buildAccount(t.db, ws)).id;
    const b = (await buildAccount(t.db, ws)).id;
    await upsertImportRows(t.db, [row(ws, a, 'r-1'), row(ws, a, 'r-2'), row(ws, a, 'r-1', { source: 'other' })]);
    const changed = row(ws, b, 'r-1', {
      events: 5,
      user_key: 'ana',
      duration_secs: 30,
      run_id: 'run-2',
      day: '2026-11-02',
    });
    await upsertImportRows(t.db, [changed]);
    const back = await selectImportRows(t.db, ws, 'warehouse', ['r-1', 'r-2', 'r-9']);
    expect(back.sort((x, y) => x.row_key.localeCompare(y.row_key))).toEqual([changed, row(ws, a, 'r-2')]);
    expect(await selectImportRows(t.db, ws, 'other', ['r-1'])).toEqual([row(ws, a, 'r-1', { source: 'other' })]);
    expect(await selectImportRows(t.db, (await buildWorkspace(t.db)).id, 'warehouse', ['r-1'])).toEqual([]);
  });

  it('writes and reads more rows than one statement binds, and marks unchanged rows seen by a run', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = (await buildAccount(t.db, ws)).id;
    const many = Array.from({ length: 1_203 }, (_, i) => row(ws, a, `k-${i}`));
    await upsertImportRows(t.db, many);
    const keys = many.map((r) => r.row_key);
    expect(await selectImportRows(t.db, ws, 'warehouse', keys)).toHaveLength(1_203);
    await touchImportRows(t.db, ws, 'warehouse', keys.slice(0, 700), 'run-2');
    const runs = (await selectImportRows(t.db, ws, 'warehouse', keys)).map((r) => r.run_id);
    expect(runs.filter((r) => r === 'run-2')).toHaveLength(700);
    expect(runs.filter((r) => r === 'run-1')).toHaveLength(503);
  });
});
