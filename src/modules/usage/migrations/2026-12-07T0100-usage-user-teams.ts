import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** The team or department each product user last identified with (the trait the workspace names). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('usage_user_teams')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_user_teams_pk', ['workspace_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_user_teams').execute();
}
