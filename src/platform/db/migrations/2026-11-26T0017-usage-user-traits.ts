import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  // The email a product user identified with, kept beyond the raw events' retention window: champions are
  // matched to product users by it.
  await db.schema
    .createTable('usage_user_traits')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_user_traits_pk', ['workspace_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('usage_user_traits_email')
    .on('usage_user_traits')
    .columns(['workspace_id', 'email'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_user_traits').execute();
}
