import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiKey, buildWorkspace } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { findApiKey, findApiKeyByPrefix, listApiKeyRows, revokeApiKeyRow, touchApiKey } from './api-key.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('API key store (both databases)', () => {
  it("lists a workspace's keys newest first, revoked ones included, and finds one there only", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const old = await buildApiKey(t.db, ws, {
      created_at: '2026-11-01T00:00:00.000Z',
      revoked_at: '2026-11-02T00:00:00.000Z',
    });
    const recent = await buildApiKey(t.db, ws, { scope: 'admin' });
    const theirs = await buildApiKey(t.db, other);
    expect(await listApiKeyRows(t.db, ws)).toEqual([recent, old]);
    expect(await findApiKey(t.db, ws, theirs.id)).toBeUndefined();
    expect(await findApiKey(t.db, other, theirs.id)).toEqual(theirs);
  });

  it('finds a key by its prefix across workspaces (the secret names it), and marks use and revocation', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const key = await buildApiKey(t.db, ws);
    expect(await findApiKeyByPrefix(t.db, key.prefix)).toEqual(key);
    expect(await findApiKeyByPrefix(t.db, `${key.prefix}x`)).toBeUndefined();
    await touchApiKey(t.db, key.id, '2026-11-21T00:00:00.000Z');
    await revokeApiKeyRow(t.db, key.id, '2026-11-22T00:00:00.000Z');
    expect(await findApiKey(t.db, ws, key.id)).toEqual({
      ...key,
      last_used_at: '2026-11-21T00:00:00.000Z',
      revoked_at: '2026-11-22T00:00:00.000Z',
    });
  });
});
