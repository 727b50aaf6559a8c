import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  // Warnings along the failure chain, each with the evidence that raised it.
  await db.schema
    .createTable('signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('suggested_play', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolution', 'text')
    .execute();
  await db.schema
    .createIndex('signals_subject')
    .on('signals')
    .columns(['workspace_id', 'kind', 'subject_id', 'resolved_at'])
    .execute();
  await db.schema
    .createIndex('signals_account')
    .on('signals')
    .columns(['workspace_id', 'account_id', 'resolved_at'])
    .execute();

  await db.schema
    .createTable('handoff_briefs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('completeness', 'integer', (c) => c.notNull())
    .addColumn('ae_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('delivery_lead_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('returned_at', 'text')
    .addColumn('return_reasons', 'text')
    .addColumn('deal_reopened_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('handoff_briefs_deal', ['workspace_id', 'deal_id'])
    .execute();
  await db.schema
    .createIndex('handoff_briefs_state')
    .on('handoff_briefs')
    .columns(['workspace_id', 'state', 'updated_at'])
    .execute();

  // Every state change of a brief: who moved it, when, with what score and reasons.
  await db.schema
    .createTable('handoff_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('brief_id', 'text', (c) => c.notNull().references('handoff_briefs.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('completeness', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('handoff_events_brief').on('handoff_events').columns(['brief_id', 'at']).execute();

  await db.schema
    .createTable('handoff_clarifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('brief_id', 'text', (c) => c.notNull().references('handoff_briefs.id').onDelete('cascade'))
    .addColumn('field', 'text')
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('repeated', 'integer', (c) => c.notNull())
    .addColumn('asked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema
    .createIndex('handoff_clarifications_brief')
    .on('handoff_clarifications')
    .columns(['brief_id', 'asked_at'])
    .execute();

  // Who owns an account along the journey, and when each owner handed it on.
  await db.schema
    .createTable('account_ownership_handoffs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('from_role', 'text', (c) => c.notNull())
    .addColumn('to_role', 'text', (c) => c.notNull())
    .addColumn('from_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('to_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('brief_id', 'text', (c) => c.references('handoff_briefs.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('account_ownership_handoffs_account')
    .on('account_ownership_handoffs')
    .columns(['workspace_id', 'account_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_ownership_handoffs').execute();
  await db.schema.dropTable('handoff_clarifications').execute();
  await db.schema.dropTable('handoff_events').execute();
  await db.schema.dropTable('handoff_briefs').execute();
  await db.schema.dropTable('signals').execute();
}
