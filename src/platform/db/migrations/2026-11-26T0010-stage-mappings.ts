import { type Kysely, sql } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * Stage mappings gain what a CRM's pipeline definition says besides won/lost/open: the pipeline's name, the
 * stage's win probability (0–100) and its place in the pipeline. Deals remember whether the CRM stated their
 * category itself (Salesforce IsWon/IsClosed), so that changing a mapping re-evaluates only the deals the
 * mapping decides.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite adds a single column per ALTER TABLE.
  await db.schema.alterTable('deal_stage_mappings').addColumn('pipeline_label', 'text').execute();
  await db.schema.alterTable('deal_stage_mappings').addColumn('probability', 'integer').execute();
  await db.schema.alterTable('deal_stage_mappings').addColumn('display_order', 'integer').execute();
  await db.schema
    .alterTable('deals')
    .addColumn('stage_category_stated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Deals stored before this column: Salesforce files carry IsWon/IsClosed, the other sources leave it to the mapping.
  await sql`update deals set stage_category_stated = 1 where source = 'salesforce'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deals').dropColumn('stage_category_stated').execute();
  await db.schema.alterTable('deal_stage_mappings').dropColumn('display_order').execute();
  await db.schema.alterTable('deal_stage_mappings').dropColumn('probability').execute();
  await db.schema.alterTable('deal_stage_mappings').dropColumn('pipeline_label').execute();
}
