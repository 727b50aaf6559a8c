import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaybook, buildWorkspace, FIXTURE_NOW, fixtureId } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import {
  advanceVersion,
  findPlaybook,
  findPlaybookByKey,
  findVersion,
  insertVersion,
  selectCurrentVersions,
  selectPlaybookKeys,
  selectPlaybooks,
  selectVersions,
} from './playbook.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const version = (workspaceId: string, playbookId: string, n: number) => ({
  id: fixtureId(),
  workspace_id: workspaceId,
  playbook_id: playbookId,
  version: n,
  definition: JSON.stringify({ v: n }),
  note: null,
  created_by_label: 'fixture',
  created_at: FIXTURE_NOW,
});

describe('playbook store (both databases)', () => {
  it("lists a workspace's playbooks by name, then id, and finds them by id or key there only", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const theirs = await buildPlaybook(t.db, other, { key: 'shared-key' });
    const b = await buildPlaybook(t.db, ws, { name: 'Beta' });
    const a2 = await buildPlaybook(t.db, ws, { name: 'Alpha', key: 'shared-key' });
    const a1 = await buildPlaybook(t.db, ws, { name: 'Alpha' });
    expect((await selectPlaybooks(t.db, ws)).map((p) => p.id)).toEqual([a2.id, a1.id, b.id]);
    expect(await findPlaybook(t.db, ws, theirs.id)).toBeUndefined();
    expect(await findPlaybookByKey(t.db, ws, 'shared-key')).toEqual(a2);
    expect(await findPlaybookByKey(t.db, other, 'shared-key')).toEqual(theirs);
    expect(await selectPlaybookKeys(t.db, ws)).toEqual(new Set([a1.key, a2.key, b.key]));
  });

  it('moves a playbook to its next version only from the version the writer read', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const p = await buildPlaybook(t.db, ws);
    const later = '2026-11-21T00:00:00.000Z';
    expect(await advanceVersion(t.db, ws, p.id, 1, later)).toBe(true);
    expect(await advanceVersion(t.db, ws, p.id, 1, later), 'a second writer from version 1 loses').toBe(false);
    expect(await findPlaybook(t.db, ws, p.id)).toMatchObject({ current_version: 2, updated_at: later });
    expect(await advanceVersion(t.db, (await buildWorkspace(t.db)).id, p.id, 2, later)).toBe(false);
  });

  it('reads versions newest first, one by number, and the current one of each playbook', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const p = await buildPlaybook(t.db, ws, { current_version: 2 });
    const q = await buildPlaybook(t.db, ws, { current_version: 1 });
    const [v1, v2, v3, q1] = [version(ws, p.id, 1), version(ws, p.id, 2), version(ws, p.id, 3), version(ws, q.id, 1)];
    for (const v of [v1, v2, v3, q1]) await insertVersion(t.db, v);

    expect((await selectVersions(t.db, ws, p.id)).map((v) => v.version)).toEqual([3, 2, 1]);
    expect(await findVersion(t.db, ws, p.id, 2)).toEqual(v2);
    expect(await findVersion(t.db, ws, p.id, 9)).toBeUndefined();
    const current = await selectCurrentVersions(t.db, ws);
    expect(current.sort((x, y) => x.playbook_id.localeCompare(y.playbook_id))).toEqual(
      [
        { playbook_id: p.id, version: 2, definition: v2.definition },
        { playbook_id: q.id, version: 1, definition: q1.definition },
      ].sort((x, y) => x.playbook_id.localeCompare(y.playbook_id)),
    );
    expect(await selectCurrentVersions(t.db, (await buildWorkspace(t.db)).id)).toEqual([]);
  });
});
