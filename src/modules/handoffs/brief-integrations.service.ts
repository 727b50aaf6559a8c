/** The systems briefs name to integrate with, for later modules comparing implementations. */
import { chunked } from '../../platform/db/chunked.ts';
import type { Db } from '../../platform/db/database.ts';
import { briefContentSchema } from './handoff.ts';

/** Each brief's integrations (the systems, as written), by brief id; ids the workspace does not have are left out. */
export async function briefIntegrationsOf(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await chunked(ids, 500, (chunk) =>
    db
      .selectFrom('handoff_briefs')
      .select(['id', 'content'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', chunk)
      .execute(),
  );
  return new Map(
    rows.map((r) => {
      const parsed = briefContentSchema.safeParse(JSON.parse(r.content));
      return [r.id, parsed.success ? parsed.data.integrations.map((i) => i.system) : []];
    }),
  );
}
