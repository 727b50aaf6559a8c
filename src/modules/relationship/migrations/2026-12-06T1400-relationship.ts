import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Survey answers (NPS, CSAT) and touches (meetings, calls, emails) with an account's people. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('relationship_surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('contact_email', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('responded_at', 'text', (c) => c.notNull())
    .addColumn('milestone', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('relationship_surveys_dedupe', ['workspace_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('relationship_surveys_account')
    .on('relationship_surveys')
    .columns(['workspace_id', 'account_id', 'responded_at'])
    .execute();
  await db.schema
    .createIndex('relationship_surveys_period')
    .on('relationship_surveys')
    .columns(['workspace_id', 'responded_at'])
    .execute();

  await db.schema
    .createTable('relationship_touches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('direction', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('contact_ids', 'text', (c) => c.notNull())
    .addColumn('emails', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('relationship_touches_dedupe', ['workspace_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('relationship_touches_account')
    .on('relationship_touches')
    .columns(['workspace_id', 'account_id', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('relationship_touches').execute();
  await db.schema.dropTable('relationship_surveys').execute();
}
