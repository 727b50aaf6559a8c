import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { previewInvitation } from '../../src/platform/identity/invitation.service.ts';
import { setLoginDisabled } from '../../src/platform/identity/login.service.ts';
import { type Client, createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let ws: string;
let admin: Client;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('acme');
  const a = await t.user(ws, 'admin');
  adminId = a.userId;
  admin = await t.login(a.email);
});
afterAll(async () => t?.close());

const tokenOf = (link: string): string => link.split('#')[1] as string;
const memberEmails = async (client: Client) =>
  (await client.request({ method: 'GET', url: '/api/v1/users' })).json().items.map((m: { email: string }) => m.email);
const invite = (body: Record<string, unknown>) =>
  admin.request({ method: 'POST', url: '/api/v1/users', payload: body });

describe('inviting people', () => {
  it('invites a person by email with a role: a single-use link, and no membership until they accept', async () => {
    const res = await invite({ email: 'Nia@Example.com', name: 'Nia Okafor', role: 'csm' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.invitation).toMatchObject({
      email: 'nia@example.com',
      role: 'csm',
      name: 'Nia Okafor',
      expired: false,
    });
    expect(Date.parse(body.invitation.expiresAt) - Date.parse(body.invitation.createdAt)).toBe(7 * 86_400_000);
    expect(body.link).toMatch(/^http:\/\/localhost(:\d+)?\/invite#[\w-]{40,}$/);
    expect(await memberEmails(admin)).not.toContain('nia@example.com');
    const pending = (await admin.request({ method: 'GET', url: '/api/v1/invitations' })).json().items;
    expect(pending.map((i: { email: string }) => i.email)).toContain('nia@example.com');
    // Only the token's hash is stored.
    const row = await t.ctx.db
      .selectFrom('invitations')
      .selectAll()
      .where('email', '=', 'nia@example.com')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(tokenOf(body.link));
  });

  it('a new person opens the link, chooses a name and password, joins with the role and signs in', async () => {
    const { link } = (await invite({ email: 'new.person@example.com', role: 'sales' })).json();
    const preview = await t.inject({
      method: 'POST',
      url: '/api/v1/invitation-links/preview',
      payload: { token: tokenOf(link) },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      workspace: { slug: 'acme' },
      email: 'new.person@example.com',
      role: 'sales',
    });
    const short = await t.inject({
      method: 'POST',
      url: '/api/v1/invitation-links/redeem',
      payload: { token: tokenOf(link), password: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('body.password');
    const redeem = await t.inject({
      method: 'POST',
      url: '/api/v1/invitation-links/redeem',
      payload: { token: tokenOf(link), password: 'my-own-password', name: 'New Person' },
    });
    expect(redeem.statusCode, redeem.body).toBe(200);
    expect(redeem.json()).toEqual({ email: 'new.person@example.com', workspace: 'acme' });
    const me = await t.login('new.person@example.com', { password: 'my-own-password' });
    expect((await me.request({ method: 'GET', url: '/api/v1/session' })).json()).toMatchObject({
      role: 'sales',
      user: { name: 'New Person' },
    });
    // Single use.
    const again = await t.inject({
      method: 'POST',
      url: '/api/v1/invitation-links/redeem',
      payload: { token: tokenOf(link), password: 'attacker-pass-999' },
    });
    expect(again.statusCode).toBe(403);
    expect(
      (await t.inject({ method: 'POST', url: '/api/v1/invitation-links/preview', payload: { token: tokenOf(link) } }))
        .statusCode,
    ).toBe(403);
    await expect(t.login('new.person@example.com', { password: 'attacker-pass-999' })).rejects.toThrow(/401/);
  });

  it('someone who already has a login signs in and accepts; the link cannot set their password', async () => {
    const other = await t.workspace('other-co');
    const { email } = await t.user(other, 'viewer', { email: 'has.login@example.com' });
    const { invitation, link } = (await invite({ email, role: 'delivery' })).json();
    const takeover = await t.inject({
      method: 'POST',
      url: '/api/v1/invitation-links/redeem',
      payload: { token: tokenOf(link), password: 'attacker-pass-999' },
    });
    expect(takeover.statusCode).toBe(409);
    await expect(t.login(email, { password: 'attacker-pass-999' })).rejects.toThrow(/401/);
    await expect(t.login(email, { workspace: 'acme' })).rejects.toThrow(/403/);

    // The login's own password accepts through the link too (the way in for a login that belongs to no workspace).
    const other2 = await t.workspace('other-two');
    const viaLink = (await t.login((await t.user(other2, 'admin')).email, { workspace: 'other-two' })).request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email, role: 'support' },
    });
    const own = await t.inject({
      method: 'POST',
      url: '/api/v1/invitation-links/redeem',
      payload: { token: tokenOf((await viaLink).json().link), password: TEST_PASSWORD, name: 'Ignored' },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toEqual({ email, workspace: 'other-two' });
    expect((await t.login(email, { workspace: 'other-two' })).cookie).toBeTruthy();
    expect(
      (await t.ctx.db.selectFrom('users').select('name').where('email', '=', email).executeTakeFirstOrThrow()).name,
    ).not.toBe('Ignored');

    const person = await t.login(email);
    const mine = (await person.request({ method: 'GET', url: '/api/v1/invitations/mine' })).json().items;
    expect(mine).toEqual([
      expect.objectContaining({
        id: invitation.id,
        role: 'delivery',
        workspace: expect.objectContaining({ slug: 'acme' }),
      }),
    ]);
    const accepted = await person.request({ method: 'POST', url: `/api/v1/invitations/${invitation.id}/accept` });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await person.request({ method: 'GET', url: '/api/v1/invitations/mine' })).json().items).toEqual([]);
    const switched = await person.request({
      method: 'PUT',
      url: '/api/v1/session/workspace',
      payload: { workspaceId: ws },
    });
    expect(switched.json()).toMatchObject({ workspace: { slug: 'acme' }, role: 'delivery' });
    expect(await memberEmails(admin)).toContain(email);
  });

  it('answers the same whatever logins exist elsewhere, and takes no password, name change or disabling', async () => {
    const other = await t.workspace('elsewhere');
    await t.user(other, 'admin', { email: 'known@example.com' });
    const known = await invite({ email: 'known@example.com', role: 'viewer' });
    const unknown = await invite({ email: 'unknown@example.com', role: 'viewer' });
    expect(known.statusCode).toBe(201);
    expect(unknown.statusCode).toBe(201);
    const shape = (v: unknown): unknown =>
      v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)])) : typeof v;
    expect(shape(known.json())).toEqual(shape(unknown.json()));
    const withPassword = await invite({ email: 'known@example.com', role: 'viewer', password: 'attacker-pass-999' });
    expect(withPassword.statusCode).toBe(400);
  });

  it('lets an invitee accept only their own invitation, and refuses withdrawn and expired ones', async () => {
    const { invitation, link } = (await invite({ email: 'someone@example.com', role: 'viewer' })).json();
    const stranger = await t.login((await t.user(await t.workspace('strangers'), 'admin')).email);
    expect(
      (await stranger.request({ method: 'POST', url: `/api/v1/invitations/${invitation.id}/accept` })).statusCode,
    ).toBe(404);
    // Expiry is counted from a clock passed in: 7 days and a minute later the link is refused.
    const later = new Date(Date.parse(invitation.expiresAt) + 60_000);
    await expect(previewInvitation(t.ctx.db, tokenOf(link), later)).rejects.toThrow(/expired/);
    await expect(
      previewInvitation(t.ctx.db, tokenOf(link), new Date(Date.parse(invitation.expiresAt) - 60_000)),
    ).resolves.toMatchObject({ email: 'someone@example.com' });
    expect((await admin.request({ method: 'DELETE', url: `/api/v1/invitations/${invitation.id}` })).statusCode).toBe(
      204,
    );
    const withdrawn = await t.inject({
      method: 'POST',
      url: '/api/v1/invitation-links/redeem',
      payload: { token: tokenOf(link), password: 'a-long-password' },
    });
    expect(withdrawn.statusCode).toBe(403);
    expect(withdrawn.json().detail).toMatch(/withdrawn/);
    expect(
      (await admin.request({ method: 'GET', url: '/api/v1/invitations' }))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).not.toContain(invitation.id);
  });

  it('inviting again withdraws the earlier link', async () => {
    const first = (await invite({ email: 'twice@example.com', role: 'viewer' })).json();
    const second = (await invite({ email: 'twice@example.com', role: 'support' })).json();
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/invitation-links/preview',
          payload: { token: tokenOf(first.link) },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/invitation-links/preview',
          payload: { token: tokenOf(second.link) },
        })
      ).json().role,
    ).toBe('support');
  });
});

describe('members and roles', () => {
  it('refuses a member invited again, naming the field', async () => {
    const { email } = await t.user(ws, 'viewer');
    const dup = await invite({ email, role: 'viewer' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('body.email');
  });

  it('requires a partner firm for the partner role, and only for it', async () => {
    const missing = await invite({ email: 'p@example.com', role: 'partner' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('partnerId');
    const firm = await admin.request({
      method: 'POST',
      url: '/api/v1/partners',
      payload: { name: 'Bridge Consulting' },
    });
    const ok = await invite({ email: 'p@example.com', role: 'partner', partnerId: firm.json().id });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().invitation.partnerName).toBe('Bridge Consulting');
  });

  it('keeps at least one admin', async () => {
    const demote = await admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${adminId}`,
      payload: { role: 'viewer' },
    });
    expect(demote.statusCode).toBe(409);
    const remove = await admin.request({ method: 'DELETE', url: `/api/v1/users/${adminId}` });
    expect(remove.statusCode).toBe(409);
  });

  it('changes a role, which takes effect on the next request', async () => {
    const { userId, email } = await t.user(ws, 'viewer');
    const viewer = await t.login(email);
    const payload = { name: 'Promoted Ltd', segment: 'smb' };
    expect((await viewer.request({ method: 'POST', url: '/api/v1/accounts', payload })).statusCode).toBe(403);
    expect(
      (await admin.request({ method: 'PATCH', url: `/api/v1/users/${userId}`, payload: { role: 'sales' } })).statusCode,
    ).toBe(200);
    expect((await viewer.request({ method: 'POST', url: '/api/v1/accounts', payload })).statusCode).toBe(201);
  });

  it("refuses to change a member's password, name or login, and changes nothing", async () => {
    const { userId, email } = await t.user(ws, 'csm');
    const before = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    for (const payload of [
      { password: 'attacker-pass-999' },
      { name: 'Renamed' },
      { disabled: true },
      { role: 'viewer', password: 'attacker-pass-999' },
    ]) {
      const res = await admin.request({ method: 'PATCH', url: `/api/v1/users/${userId}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await t.ctx.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow()).toEqual(
      before,
    );
    expect((await t.login(email)).cookie).toBeTruthy();
    const role = await t.ctx.db
      .selectFrom('memberships')
      .select('role')
      .where('user_id', '=', userId)
      .where('workspace_id', '=', ws)
      .executeTakeFirstOrThrow();
    expect(role.role).toBe('csm');
  });

  it("tells a workspace the membership, never facts of the person's login", async () => {
    const { userId, email } = await t.user(ws, 'csm');
    await t.ctx.db.transaction().execute((trx) => setLoginDisabled(trx, SYSTEM_ACTOR, email, true));
    const fields = ['email', 'id', 'memberSince', 'name', 'partnerId', 'partnerName', 'role'];
    const listed = (await admin.request({ method: 'GET', url: '/api/v1/users' })).json().items as Record<
      string,
      unknown
    >[];
    expect(listed.length).toBeGreaterThan(1);
    for (const m of listed) expect(Object.keys(m).sort()).toEqual(fields);
    const changed = await admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${userId}`,
      payload: { role: 'support' },
    });
    expect(changed.statusCode).toBe(200);
    expect(Object.keys(changed.json()).sort()).toEqual(fields);
    expect(changed.body).not.toMatch(/hasPassword|disabledAt|createdAt/);
    const audit = await admin.request({ method: 'GET', url: '/api/v1/audit-log?action=member.add&limit=100' });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('member.add');
    expect(audit.body).not.toMatch(/hasPassword|disabledAt/);
  });

  it('removes a member, ending their sessions in that workspace', async () => {
    const { userId, email } = await t.user(ws, 'support');
    const support = await t.login(email);
    expect((await admin.request({ method: 'DELETE', url: `/api/v1/users/${userId}` })).statusCode).toBe(204);
    expect((await support.request({ method: 'GET', url: '/api/v1/accounts' })).statusCode).toBe(401);
    await expect(t.login(email, { password: TEST_PASSWORD })).rejects.toThrow(/403/);
  });
});

describe('the cross-workspace takeover', () => {
  it('an admin of one workspace cannot take over the admin of another', async () => {
    const b = await t.workspace('bee');
    const victim = await t.user(b, 'admin', { email: 'admin-of-b@b.test' });
    const attacker = await t.login((await t.user(await t.workspace('ay'), 'admin')).email, { workspace: 'ay' });
    const row = () =>
      t.ctx.db.selectFrom('users').selectAll().where('id', '=', victim.userId).executeTakeFirstOrThrow();
    const before = await row();

    const add = await attacker.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'admin-of-b@b.test', role: 'viewer' },
    });
    expect(add.statusCode).toBe(201);
    // No membership before the person accepts, so nothing to patch.
    for (const payload of [
      { password: 'attacker-pass-999' },
      { disabled: true },
      { name: 'Pwned' },
      { role: 'viewer' },
    ]) {
      const res = await attacker.request({ method: 'PATCH', url: `/api/v1/users/${victim.userId}`, payload });
      expect([400, 404], JSON.stringify(payload)).toContain(res.statusCode);
    }
    const link = add.json().link as string;
    const redeem = await t.inject({
      method: 'POST',
      url: '/api/v1/invitation-links/redeem',
      payload: { token: tokenOf(link), password: 'attacker-pass-999' },
    });
    expect(redeem.statusCode).toBe(409);
    const login = await t.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'admin-of-b@b.test', password: 'attacker-pass-999', workspace: 'bee' },
    });
    expect(login.statusCode).toBe(401);
    expect(await row()).toEqual(before);
    const bAudit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('workspace_id', '=', b)
      .where('action', 'like', 'member.%')
      .execute();
    expect(bAudit.map((a) => a.action)).toEqual(['member.add']);
    expect((await t.login('admin-of-b@b.test', { workspace: 'bee' })).cookie).toBeTruthy();
  });
});
