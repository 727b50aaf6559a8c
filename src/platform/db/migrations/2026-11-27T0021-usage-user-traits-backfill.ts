import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * The email each product user identified with, taken from the identify calls still among the raw events (those
 * received before migration 0017 began keeping emails), so that champions are matched by `usage_user_traits`
 * alone and no evaluation reads raw events for it. The latest identify call naming an email wins; a user whose
 * email was kept since is left as it is (what it holds came later).
 */
const PAGE = 5000;

/** An email as identify traits give it (Segment `traits.email`, PostHog `$set.email`): trimmed, lower-cased, when it looks like one. */
function emailOf(properties: string): string | null {
  let traits: unknown;
  try {
    traits = JSON.parse(properties);
  } catch {
    return null;
  }
  if (typeof traits !== 'object' || traits === null || Array.isArray(traits)) return null;
  const t = traits as Record<string, unknown>;
  const set =
    typeof t.$set === 'object' && t.$set !== null && !Array.isArray(t.$set)
      ? (t.$set as Record<string, unknown>)
      : undefined;
  const value = t.email ?? set?.email;
  if (typeof value !== 'string') return null;
  const email = value.trim().toLowerCase();
  return email.length <= 320 && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

export async function up(db: Kysely<any>): Promise<void> {
  const latest = new Map<string, { workspace_id: string; user_id: string; email: string; at: string }>();
  // Page by page under the events' unique key, so that memory holds one page and the users found.
  let after: { workspace_id: string; source: string; message_id: string } | undefined;
  for (;;) {
    let q = db
      .selectFrom('usage_events')
      .select(['workspace_id', 'source', 'message_id', 'user_id', 'properties', 'occurred_at'])
      .where('type', '=', 'identify')
      .where('user_id', 'is not', null)
      .orderBy('workspace_id')
      .orderBy('source')
      .orderBy('message_id')
      .limit(PAGE);
    if (after) {
      const a = after;
      q = q.where((eb) =>
        eb.or([
          eb('workspace_id', '>', a.workspace_id),
          eb.and([eb('workspace_id', '=', a.workspace_id), eb('source', '>', a.source)]),
          eb.and([
            eb('workspace_id', '=', a.workspace_id),
            eb('source', '=', a.source),
            eb('message_id', '>', a.message_id),
          ]),
        ]),
      );
    }
    const rows = await q.execute();
    for (const r of rows) {
      const email = emailOf(r.properties);
      if (!email) continue;
      const key = `${r.workspace_id}\u0000${r.user_id}`;
      const seen = latest.get(key);
      if (!seen || r.occurred_at > seen.at)
        latest.set(key, { workspace_id: r.workspace_id, user_id: r.user_id, email, at: r.occurred_at });
    }
    const last = rows[rows.length - 1];
    if (rows.length < PAGE || !last) break;
    after = { workspace_id: last.workspace_id, source: last.source, message_id: last.message_id };
  }
  const values = [...latest.values()].map(({ workspace_id, user_id, email, at }) => ({
    workspace_id,
    user_id,
    email,
    updated_at: at,
  }));
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insertInto('usage_user_traits')
      .values(values.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
      .execute();
  }
}

/** The traits taken from raw events are not told apart from those kept at ingest: nothing to undo. */
export async function down(): Promise<void> {}
