import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { PlaybookTable, PlaybookVersionTable } from './playbook.table.ts';

export type PlaybookRow = Selectable<PlaybookTable>;
export type PlaybookVersionRow = Selectable<PlaybookVersionTable>;

/** Playbooks are templates of the whole workspace: partner users read them too, so no partner filter here. */
export const selectPlaybooks = (db: Db, workspaceId: string) =>
  db
    .selectFrom('playbooks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .orderBy('id')
    .execute();

export const findPlaybook = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('playbooks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findPlaybookByKey = (db: Db, workspaceId: string, key: string) =>
  db
    .selectFrom('playbooks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .executeTakeFirst();

export const selectPlaybookKeys = async (db: Db, workspaceId: string): Promise<Set<string>> =>
  new Set(
    (await db.selectFrom('playbooks').select('key').where('workspace_id', '=', workspaceId).execute()).map(
      (r) => r.key,
    ),
  );

export const insertPlaybook = (db: Db, row: PlaybookTable) => db.insertInto('playbooks').values(row).execute();

export const updatePlaybookRow = (db: Db, workspaceId: string, id: string, patch: Partial<PlaybookTable>) =>
  db.updateTable('playbooks').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

/**
 * Moves a playbook to its next version only if it is still at `from`: two people saving at once cannot both
 * win. Returns whether it moved.
 */
export async function advanceVersion(
  db: Db,
  workspaceId: string,
  id: string,
  from: number,
  updatedAt: string,
): Promise<boolean> {
  const r = await db
    .updateTable('playbooks')
    .set({ current_version: from + 1, updated_at: updatedAt })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('current_version', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertVersion = (db: Db, row: PlaybookVersionTable) =>
  db.insertInto('playbook_versions').values(row).execute();

export const findVersion = (db: Db, workspaceId: string, playbookId: string, version: number) =>
  db
    .selectFrom('playbook_versions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('playbook_id', '=', playbookId)
    .where('version', '=', version)
    .executeTakeFirst();

/** Every version of a playbook, newest first. */
export const selectVersions = (db: Db, workspaceId: string, playbookId: string) =>
  db
    .selectFrom('playbook_versions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('playbook_id', '=', playbookId)
    .orderBy('version', 'desc')
    .execute();

/** The current version of each playbook of the workspace, for the list. */
export const selectCurrentVersions = (db: Db, workspaceId: string) =>
  db
    .selectFrom('playbook_versions as v')
    .innerJoin('playbooks as p', (j) =>
      j.onRef('p.id', '=', 'v.playbook_id').onRef('p.current_version', '=', 'v.version'),
    )
    .select(['v.playbook_id', 'v.version', 'v.definition'])
    .where('p.workspace_id', '=', workspaceId)
    .where('v.workspace_id', '=', workspaceId)
    .execute();
