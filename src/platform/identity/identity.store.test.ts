import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildPartner, buildUser, buildWorkspace } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import {
  countAdmins,
  countWorkspaces,
  deleteMembership,
  deleteWorkspace,
  findMembership,
  findPartner,
  findUserByEmail,
  findWorkspaceById,
  findWorkspaceBySlug,
  listPartnerRows,
  listWorkspacesOfUser,
  selectMembers,
  selectWorkspaceIds,
  updateMembership,
  updateWorkspaceName,
} from './identity.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('identity store (both databases)', () => {
  it('finds workspaces by slug and id, renames one, and removes it with its memberships', async () => {
    const before = await countWorkspaces(t.db);
    const ws = await buildWorkspace(t.db, { slug: 'northwind' });
    const { user } = await buildMember(t.db, ws.id);
    expect(await countWorkspaces(t.db)).toBe(before + 1);
    expect(await findWorkspaceBySlug(t.db, 'northwind')).toEqual(ws);
    expect(await findWorkspaceBySlug(t.db, 'Northwind'), 'slugs are matched exactly').toBeUndefined();
    await updateWorkspaceName(t.db, ws.id, 'Northwind Freight');
    expect((await findWorkspaceById(t.db, ws.id))?.name).toBe('Northwind Freight');
    expect((await selectWorkspaceIds(t.db)).map((r) => r.id)).toContain(ws.id);

    await deleteWorkspace(t.db, ws.id);
    expect(await findWorkspaceById(t.db, ws.id)).toBeUndefined();
    expect(await findMembership(t.db, ws.id, user.id)).toBeUndefined();
    expect(await findUserByEmail(t.db, user.email), 'the person stays').toEqual(user);
    expect(await countWorkspaces(t.db)).toBe(before);
  });

  it('lists ids of every workspace in id order', async () => {
    const a = await buildWorkspace(t.db);
    const b = await buildWorkspace(t.db);
    const ids = (await selectWorkspaceIds(t.db)).map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
  });

  it("reads a workspace's members with their firm, and counts its admins only", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const firm = await buildPartner(t.db, ws, { name: 'Fieldwork' });
    const admin = await buildMember(t.db, ws);
    const partnerUser = await buildMember(t.db, ws, { role: 'partner', partner_id: firm.id });
    await buildMember(t.db, other, { user_id: admin.user.id });
    await buildMember(t.db, other);

    const members = await selectMembers(t.db, ws).orderBy('u.email').execute();
    expect(members).toEqual(
      [
        { ...pick(admin), partner_id: null, partner_name: null, role: 'admin' },
        { ...pick(partnerUser), partner_id: firm.id, partner_name: 'Fieldwork', role: 'partner' },
      ].sort((x, y) => x.email.localeCompare(y.email)),
    );
    expect(await countAdmins(t.db, ws)).toBe(1);
    expect(await countAdmins(t.db, other)).toBe(2);
    await updateMembership(t.db, ws, partnerUser.user.id, { role: 'admin', partner_id: null });
    expect(await countAdmins(t.db, ws)).toBe(2);
    await deleteMembership(t.db, other, admin.user.id);
    expect(await findMembership(t.db, ws, admin.user.id)).toEqual(admin.membership);
  });

  it("lists a person's workspaces by name with the role in each", async () => {
    const person = await buildUser(t.db);
    const zulu = await buildWorkspace(t.db, { name: 'Zulu' });
    const alpha = await buildWorkspace(t.db, { name: 'Alpha' });
    await buildWorkspace(t.db, { name: 'Not theirs' });
    await buildMember(t.db, zulu.id, { user_id: person.id, role: 'csm' });
    await buildMember(t.db, alpha.id, { user_id: person.id });
    expect((await listWorkspacesOfUser(t.db, person.id)).map((w) => [w.name, w.role])).toEqual([
      ['Alpha', 'admin'],
      ['Zulu', 'csm'],
    ]);
  });

  it("lists a workspace's partner firms by name and finds one there only", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const b = await buildPartner(t.db, ws, { name: 'Beta' });
    const a = await buildPartner(t.db, ws, { name: 'Alpha' });
    const theirs = await buildPartner(t.db, other);
    expect(await listPartnerRows(t.db, ws)).toEqual([a, b]);
    expect(await findPartner(t.db, ws, theirs.id)).toBeUndefined();
    expect(await findPartner(t.db, other, theirs.id)).toEqual(theirs);
  });
});

function pick(m: Awaited<ReturnType<typeof buildMember>>) {
  return { id: m.user.id, email: m.user.email, name: m.user.name, member_since: m.membership.created_at };
}
