import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildSession, buildWorkspace } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { deleteMembership, updateUser } from '../identity/identity.store.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  deleteSessionsOfUserExcept,
  findLiveSession,
  setSessionWorkspace,
  touchSession,
} from './session.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = '2026-11-20T12:00:00.000Z';

describe('session store (both databases)', () => {
  it('finds a live session with its person and role, and not once expired, disabled or no longer a member', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const { user } = await buildMember(t.db, ws, { role: 'csm' });
    const s = await buildSession(t.db, user.id, ws);
    expect(await findLiveSession(t.db, s.id, NOW)).toEqual({
      id: s.id,
      user_id: user.id,
      workspace_id: ws,
      csrf_token: s.csrf_token,
      last_seen_at: s.last_seen_at,
      email: user.email,
      role: 'csm',
      partner_id: null,
    });
    expect(await findLiveSession(t.db, s.id, s.expires_at), 'expired at its expiry moment').toBeUndefined();
    await updateUser(t.db, user.id, { disabled_at: NOW });
    expect(await findLiveSession(t.db, s.id, NOW)).toBeUndefined();
    await updateUser(t.db, user.id, { disabled_at: null });
    await deleteMembership(t.db, ws, user.id);
    expect(await findLiveSession(t.db, s.id, NOW)).toBeUndefined();
  });

  it('moves a session to another workspace only where the person is a member, and notes when it was seen', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const { user } = await buildMember(t.db, ws);
    const s = await buildSession(t.db, user.id, ws);
    await touchSession(t.db, s.id, NOW);
    expect((await findLiveSession(t.db, s.id, NOW))?.last_seen_at).toBe(NOW);
    await setSessionWorkspace(t.db, s.id, other);
    expect(await findLiveSession(t.db, s.id, NOW), 'not a member there').toBeUndefined();
    await buildMember(t.db, other, { user_id: user.id, role: 'viewer' });
    expect(await findLiveSession(t.db, s.id, NOW)).toMatchObject({ workspace_id: other, role: 'viewer' });
  });

  it("ends a person's sessions: all, in one workspace, or all but one, never another person's", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const { user } = await buildMember(t.db, ws);
    await buildMember(t.db, other, { user_id: user.id });
    const { user: someone } = await buildMember(t.db, ws);
    const [here, there, kept, theirs] = [
      await buildSession(t.db, user.id, ws),
      await buildSession(t.db, user.id, other),
      await buildSession(t.db, user.id, ws),
      await buildSession(t.db, someone.id, ws),
    ];
    const live = async () =>
      (await Promise.all([here, there, kept, theirs].map((s) => findLiveSession(t.db, s.id, NOW)))).map(Boolean);

    await deleteSessionsOfUserExcept(t.db, user.id, kept.id);
    expect(await live()).toEqual([false, false, true, true]);
    const again = await buildSession(t.db, user.id, other);
    await deleteSessionsOfUser(t.db, user.id, ws);
    expect(await live()).toEqual([false, false, false, true]);
    expect(await findLiveSession(t.db, again.id, NOW)).toBeDefined();
    await deleteSessionsOfUser(t.db, user.id);
    expect(await findLiveSession(t.db, again.id, NOW)).toBeUndefined();
    await deleteSession(t.db, theirs.id);
    expect(await live()).toEqual([false, false, false, false]);
  });

  it('deletes the sessions expired at a moment and counts them', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const { user } = await buildMember(t.db, ws);
    // Before the fixture sessions' own expiry (a week after the fixture moment), so no other test's session goes.
    const cutoff = '2026-11-21T00:00:00.000Z';
    const expiring = await buildSession(t.db, user.id, ws, { expires_at: cutoff });
    const lasting = await buildSession(t.db, user.id, ws, { expires_at: '2026-11-21T00:00:00.001Z' });
    expect(await deleteExpiredSessions(t.db, '2026-11-20T23:59:59.999Z')).toBe(0);
    expect(await deleteExpiredSessions(t.db, cutoff)).toBe(1);
    expect(await findLiveSession(t.db, expiring.id, NOW)).toBeUndefined();
    expect(await findLiveSession(t.db, lasting.id, NOW)).toBeDefined();
  });
});
