import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * The ingest request log keeps refused requests only: accepted ones add to `usage_ingest_totals` (0019) and
 * nothing read their rows, one per request for ever. Those rows go; the refused ones stay, with their detail,
 * for the ingest status page, and from now on leave with the raw events' retention window.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('usage_ingest_requests').where('rejected', '=', 0).execute();
}

/** The accepted requests' rows are not brought back: their counts live on in the totals. */
export async function down(): Promise<void> {}
