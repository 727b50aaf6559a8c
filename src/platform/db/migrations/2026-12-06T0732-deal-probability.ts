import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** The CRM's own win probability of a deal (0–100), when its file gives one; null: the stage's probability stands in. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deals').addColumn('probability', 'double precision').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deals').dropColumn('probability').execute();
}
