import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('domain', 'text')
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('industry', 'text')
    .addColumn('region', 'text')
    .addColumn('country', 'text')
    .addColumn('lifecycle_phase', 'text', (c) => c.notNull())
    .addColumn('ae_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('delivery_lead_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('csm_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('account_manager_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('accounts_workspace_name')
    .on('accounts')
    .columns(['workspace_id', 'name', 'id'])
    .execute();
  await db.schema.createIndex('accounts_partner').on('accounts').columns(['workspace_id', 'partner_id']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('title', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('last_touch_at', 'text')
    .addColumn('left_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_account').on('contacts').columns(['workspace_id', 'account_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contacts').execute();
  await db.schema.dropTable('accounts').execute();
}
