import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPartner,
  buildUser,
  buildWorkspace,
  FIXTURE_NOW,
  fixtureId,
} from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import type { InvitationTable } from './identity.table.ts';
import {
  findInvitation,
  findInvitationByTokenHash,
  findPasswordLink,
  insertInvitation,
  insertPasswordLink,
  markAccepted,
  markRevoked,
  revokeOpenInvitationsFor,
  selectInvitationsForEmail,
  selectOpenInvitations,
  useLink,
  usePasswordLinksOf,
} from './invitation.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = '2026-11-20T10:00:00.000Z';
const LATER = '2026-11-21T10:00:00.000Z';

async function invite(workspaceId: string, over: Partial<InvitationTable> = {}): Promise<InvitationTable> {
  const id = fixtureId();
  const row: InvitationTable = {
    id,
    workspace_id: workspaceId,
    email: 'new@example.com',
    name: null,
    role: 'csm',
    partner_id: null,
    token_hash: `hash-${id}`,
    invited_by: 'admin@example.com',
    created_at: FIXTURE_NOW,
    expires_at: '2026-11-27T10:00:00.000Z',
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
    ...over,
  };
  await insertInvitation(t.db, row);
  return row;
}

describe('invitation store (both databases)', () => {
  it("lists a workspace's open invitations newest first with the firm's name, expired ones included", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const firm = await buildPartner(t.db, ws, { name: 'Fieldwork' });
    const older = await invite(ws, { created_at: '2026-11-01T00:00:00.000Z', expires_at: '2026-11-08T00:00:00.000Z' });
    const newer = await invite(ws, { email: 'p@example.com', role: 'partner', partner_id: firm.id });
    await invite(ws, { accepted_at: NOW, accepted_by: (await buildUser(t.db)).id });
    await invite(ws, { revoked_at: NOW });
    await invite((await buildWorkspace(t.db)).id);
    const open = await selectOpenInvitations(t.db, ws);
    expect(open.map((i) => i.id)).toEqual([newer.id, older.id]);
    expect(open[0]).toMatchObject({ partner_id: firm.id, partner_name: 'Fieldwork', role: 'partner' });
    expect(open[1]!.partner_name).toBeNull();
  });

  it('offers a person the invitations to their email that are open and unexpired at the given moment', async () => {
    const ws = await buildWorkspace(t.db, { name: 'Acme' });
    const email = `invitee-${fixtureId()}@example.com`;
    const live = await invite(ws.id, { email });
    await invite(ws.id, { email, expires_at: NOW });
    await invite(ws.id, { email, revoked_at: NOW });
    await invite(ws.id, { email: email.toUpperCase() });
    const offers = await selectInvitationsForEmail(t.db, email, NOW);
    expect(offers).toEqual([
      {
        id: live.id,
        role: 'csm',
        invited_by: live.invited_by,
        created_at: live.created_at,
        expires_at: live.expires_at,
        workspace_id: ws.id,
        workspace_slug: ws.slug,
        workspace_name: 'Acme',
      },
    ]);
    expect(await selectInvitationsForEmail(t.db, email, live.expires_at), 'expired at that moment').toEqual([]);
  });

  it('accepts an invitation once, and never a revoked one', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const [a, b] = [(await buildUser(t.db)).id, (await buildUser(t.db)).id];
    const one = await invite(ws);
    expect(await markAccepted(t.db, one.id, a, NOW)).toBe(true);
    expect(await markAccepted(t.db, one.id, b, LATER), 'a second acceptance loses').toBe(false);
    expect(await findInvitation(t.db, one.id)).toMatchObject({ accepted_by: a, accepted_at: NOW });
    const revoked = await invite(ws);
    await markRevoked(t.db, revoked.id, NOW);
    expect(await markAccepted(t.db, revoked.id, a, LATER)).toBe(false);
    expect(await findInvitationByTokenHash(t.db, revoked.token_hash)).toMatchObject({
      revoked_at: NOW,
      accepted_at: null,
    });
  });

  it("revokes the open invitations of one email in one workspace, leaving accepted ones and other workspaces' alone", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const open = await invite(ws);
    const accepted = await invite(ws, { accepted_at: NOW, accepted_by: (await buildUser(t.db)).id });
    const elsewhere = await invite(other);
    const someoneElse = await invite(ws, { email: 'other@example.com' });
    await revokeOpenInvitationsFor(t.db, ws, 'new@example.com', LATER);
    expect((await findInvitation(t.db, open.id))?.revoked_at).toBe(LATER);
    expect(await findInvitation(t.db, accepted.id)).toEqual(accepted);
    expect(await findInvitation(t.db, elsewhere.id)).toEqual(elsewhere);
    expect(await findInvitation(t.db, someoneElse.id)).toEqual(someoneElse);
  });

  it('uses a password link once, and using one person’s links ends all of theirs only', async () => {
    const user = await buildUser(t.db, { name: 'Ana' });
    const other = await buildUser(t.db);
    const link = (user_id: string) => ({
      id: fixtureId(),
      user_id,
      created_at: NOW,
      expires_at: LATER,
      used_at: null,
    });
    const [first, second, theirs] = [link(user.id), link(user.id), link(other.id)];
    for (const l of [first, second, theirs]) await insertPasswordLink(t.db, l);
    expect(await findPasswordLink(t.db, first.id)).toEqual({
      id: first.id,
      user_id: user.id,
      expires_at: LATER,
      used_at: null,
      email: user.email,
      name: 'Ana',
    });
    expect(await useLink(t.db, first.id, NOW)).toBe(true);
    expect(await useLink(t.db, first.id, LATER)).toBe(false);
    await usePasswordLinksOf(t.db, user.id, LATER);
    expect((await findPasswordLink(t.db, first.id))?.used_at, 'a used link keeps its moment').toBe(NOW);
    expect((await findPasswordLink(t.db, second.id))?.used_at).toBe(LATER);
    expect((await findPasswordLink(t.db, theirs.id))?.used_at).toBeNull();
  });
});
