import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { insertMany } from './insert-many.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const workspace = (i: number) => ({
  id: `ws-${String(i).padStart(4, '0')}`,
  slug: `w${i}`,
  name: `Workspace ${i}, "quoted"`,
  is_demo: i % 2,
  created_at: '2026-11-26T00:00:00.000Z',
});

describe('insertMany', () => {
  it('inserts more rows than one statement holds, every value in its column', async () => {
    const rows = Array.from({ length: 1203 }, (_, i) => workspace(i));
    await t.db.transaction().execute((trx) => insertMany(trx, 'workspaces', rows));
    const stored = await t.db.selectFrom('workspaces').selectAll().where('id', 'like', 'ws-%').orderBy('id').execute();
    expect(stored).toEqual(rows);
  });

  it('inserts rows of another shape (a column missing or undefined) as an ordinary Kysely insert does', async () => {
    const user = (id: string) => ({
      id,
      email: `${id}@example.com`,
      name: id,
      password_hash: null,
      created_at: '2026-11-26T00:00:00.000Z',
    });
    const rows = [
      { ...user('shape-1'), disabled_at: '2026-11-27T00:00:00.000Z' },
      user('shape-2'),
      { ...user('shape-3'), disabled_at: undefined },
    ];
    await insertMany(t.db, 'users', rows as never);
    const stored = await t.db
      .selectFrom('users')
      .select(['id', 'disabled_at'])
      .where('id', 'like', 'shape-%')
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { id: 'shape-1', disabled_at: '2026-11-27T00:00:00.000Z' },
      { id: 'shape-2', disabled_at: null },
      { id: 'shape-3', disabled_at: null },
    ]);
  });

  it('writes nothing of a chunk that breaks a constraint, inside the caller’s transaction', async () => {
    const rows = [workspace(5000), { ...workspace(5001), slug: 'w5000' }];
    await expect(t.db.transaction().execute((trx) => insertMany(trx, 'workspaces', rows))).rejects.toThrow();
    expect(
      await t.db.selectFrom('workspaces').select('id').where('id', 'in', ['ws-5000', 'ws-5001']).execute(),
    ).toEqual([]);
  });
});
