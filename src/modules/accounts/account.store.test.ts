import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildContact,
  buildPartner,
  buildUser,
  buildWorkspace,
} from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import {
  countAccounts,
  findAccount,
  selectAccountNames,
  selectAccountNamesInScope,
  selectAccounts,
  selectContacts,
  updateAccountRow,
} from './account.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('account store (both databases)', () => {
  it("reads one workspace's accounts only, in name order, and pages by (name, id) through equal names", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    await buildAccount(t.db, other, { name: 'Acme' });
    const b1 = await buildAccount(t.db, ws, { name: 'Beta' });
    const b2 = await buildAccount(t.db, ws, { name: 'Beta' });
    await buildAccount(t.db, ws, { name: 'Alpha' });
    await buildAccount(t.db, ws, { name: 'Gamma' });
    const scope = { workspaceId: ws, partnerId: null };

    const first = await selectAccounts(t.db, t.caps, scope, { limit: 2 });
    expect(first.map((r) => r.name)).toEqual(['Alpha', 'Beta']);
    expect(first[1]!.id).toBe(b1.id);
    const after = { name: first[1]!.name, id: first[1]!.id };
    const second = await selectAccounts(t.db, t.caps, scope, { after, limit: 2 });
    expect(second.map((r) => r.id)).toEqual([
      b2.id,
      (await selectAccounts(t.db, t.caps, scope, { q: 'gam', limit: 1 }))[0]!.id,
    ]);
    const last = second[1]!;
    expect(await selectAccounts(t.db, t.caps, scope, { after: { name: last.name, id: last.id }, limit: 2 })).toEqual(
      [],
    );
    expect(await countAccounts(t.db, t.caps, scope)).toBe(4);
  });

  it('filters by text (any case, LIKE wildcards dropped), segment, phase, region and any owner role', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const scope = { workspaceId: ws, partnerId: null };
    const csm = (await buildUser(t.db)).id;
    const manager = (await buildUser(t.db)).id;
    await buildAccount(t.db, ws, { name: 'Northwind Freight', segment: 'enterprise', region: 'emea' });
    await buildAccount(t.db, ws, { name: '100% North', lifecycle_phase: 'renewing', csm_user_id: csm });
    await buildAccount(t.db, ws, { name: 'Southwind', account_manager_user_id: manager });
    const q = async (f: Parameters<typeof countAccounts>[3]) =>
      names(await selectAccounts(t.db, t.caps, scope, { ...f, limit: 10 }));

    expect(await q({ q: 'NORTH' })).toEqual(['100% North', 'Northwind Freight']);
    // LIKE's wildcards are dropped from the text: `wind_` as a pattern would need a character after "wind".
    expect(await q({ q: 'wind_' })).toEqual(['Northwind Freight', 'Southwind']);
    expect(await q({ q: '0%N' })).toEqual([]);
    expect(await q({ segment: 'enterprise' })).toEqual(['Northwind Freight']);
    expect(await q({ lifecyclePhase: 'renewing' })).toEqual(['100% North']);
    expect(await q({ region: 'emea' })).toEqual(['Northwind Freight']);
    expect(await q({ ownerUserId: manager })).toEqual(['Southwind']);
    expect(await q({ ownerUserId: csm, q: 'north' })).toEqual(['100% North']);
    expect(await countAccounts(t.db, t.caps, scope, { q: 'wind' })).toBe(2);
  });

  it("narrows a partner firm to its own accounts and those it delivers for, never another firm's", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const firm = (await buildPartner(t.db, ws)).id;
    const rival = (await buildPartner(t.db, ws)).id;
    const own = await buildAccount(t.db, ws, { name: 'Own', partner_id: firm });
    const delivered = await buildAccount(t.db, ws, { name: 'Delivered' });
    const rivals = await buildAccount(t.db, ws, { name: 'Rivals', partner_id: rival });
    await buildAccount(t.db, ws, { name: 'In-house' });

    const firmScope = { workspaceId: ws, partnerId: firm };
    expect(names(await selectAccounts(t.db, t.caps, firmScope, { limit: 10 }))).toEqual(['Own']);
    const reading = { ...firmScope, delivered: [delivered.id] };
    expect(names(await selectAccounts(t.db, t.caps, reading, { limit: 10 }))).toEqual(['Delivered', 'Own']);
    expect(await countAccounts(t.db, t.caps, reading)).toBe(2);
    expect(await findAccount(t.db, reading, delivered.id)).toMatchObject({ id: delivered.id });
    expect(await findAccount(t.db, reading, rivals.id)).toBeUndefined();
    expect(await findAccount(t.db, { workspaceId: ws, partnerId: null }, rivals.id)).toEqual(rivals);
    expect(names(await selectAccountNamesInScope(t.db, reading)).sort()).toEqual(['Delivered', 'Own']);
    expect((await selectAccountNames(t.db, ws, firm)).map((r) => r.id)).toEqual([own.id]);
    expect(await selectAccountNames(t.db, ws)).toHaveLength(4);
  });

  it("never finds or changes an account through another workspace's id", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const theirs = await buildAccount(t.db, other, { name: 'Theirs' });
    expect(await findAccount(t.db, { workspaceId: ws, partnerId: null }, theirs.id)).toBeUndefined();
    await updateAccountRow(t.db, ws, theirs.id, { name: 'Taken over' });
    expect((await findAccount(t.db, { workspaceId: other, partnerId: null }, theirs.id))?.name).toBe('Theirs');
    await updateAccountRow(t.db, other, theirs.id, { name: 'Renamed', domain: null });
    expect(await findAccount(t.db, { workspaceId: other, partnerId: null }, theirs.id)).toEqual({
      ...theirs,
      name: 'Renamed',
    });
  });

  it("lists an account's contacts by name, not another account's", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = await buildAccount(t.db, ws);
    const b = await buildAccount(t.db, ws);
    await buildContact(t.db, ws, a.id, { name: 'Zoe', email: null });
    const ana = await buildContact(t.db, ws, a.id, { name: 'Ana', left_at: '2026-11-01T00:00:00.000Z' });
    await buildContact(t.db, ws, b.id, { name: 'Bo' });
    const contacts = await selectContacts(t.db, ws, a.id);
    expect(names(contacts)).toEqual(['Ana', 'Zoe']);
    expect(contacts[0]).toEqual(ana);
    expect(contacts[1]!.email).toBeNull();
    expect(await selectContacts(t.db, (await buildWorkspace(t.db)).id, a.id)).toEqual([]);
  });
});
