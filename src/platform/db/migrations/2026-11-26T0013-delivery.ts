import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * Delivery: versioned playbooks, the people who deliver (own staff or a partner's) with their time off and the
 * workspace's holidays, implementation projects with their tasks, milestones, timeline, slips and rework, time
 * entries, and the customer portal's links.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ws = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');

  await db.schema
    .createTable('playbooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('products', 'text', (c) => c.notNull()) // JSON array; empty: any product
    .addColumn('segments', 'text', (c) => c.notNull()) // JSON array; empty: any segment
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('playbooks_key', ['workspace_id', 'key'])
    .execute();

  await db.schema
    .createTable('playbook_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('playbook_id', 'text', (c) => c.notNull().references('playbooks.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull()) // JSON PlaybookDefinition
    .addColumn('note', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('playbook_versions_version', ['playbook_id', 'version'])
    .execute();

  await db.schema
    .createTable('delivery_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('skills', 'text', (c) => c.notNull()) // JSON array
    .addColumn('weekly_capacity_hours', 'double precision', (c) => c.notNull())
    .addColumn('working_days', 'text', (c) => c.notNull()) // JSON array of ISO weekdays, 1 = Monday
    .addColumn('cost_rate', 'double precision', (c) => c.notNull())
    .addColumn('bill_rate', 'double precision', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('set null'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('delivery_resources_ws')
    .on('delivery_resources')
    .columns(['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('resource_time_off')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('resource_id', 'text', (c) => c.notNull().references('delivery_resources.id').onDelete('cascade'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resource_time_off_resource')
    .on('resource_time_off')
    .columns(['workspace_id', 'resource_id', 'starts_on'])
    .execute();

  await db.schema
    .createTable('workspace_holidays')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('workspace_holidays_date', ['workspace_id', 'on_date'])
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('deal_id', 'text', (c) => c.references('deals.id').onDelete('set null'))
    .addColumn('handoff_id', 'text', (c) => c.references('handoff_briefs.id').onDelete('set null'))
    .addColumn('playbook_id', 'text', (c) => c.notNull().references('playbooks.id'))
    .addColumn('playbook_version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // queued | active | live | closed | cancelled
    .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('set null'))
    .addColumn('lead_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('signed_on', 'text')
    .addColumn('accepted_on', 'text', (c) => c.notNull())
    .addColumn('promised_go_live', 'text')
    .addColumn('kickoff_on', 'text')
    .addColumn('planned_kickoff_on', 'text')
    .addColumn('forecast_go_live', 'text')
    .addColumn('forecast_first_value', 'text')
    .addColumn('forecast_computed_at', 'text')
    .addColumn('first_value_on', 'text')
    .addColumn('go_live_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('commercial_model', 'text') // fixed_fee | time_and_materials
    .addColumn('services_fee', 'double precision')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('projects_status')
    .on('projects')
    .columns(['workspace_id', 'status', 'created_at'])
    .execute();
  await db.schema.createIndex('projects_account').on('projects').columns(['workspace_id', 'account_id']).execute();
  await db.schema.createIndex('projects_partner').on('projects').columns(['workspace_id', 'partner_id']).execute();
  await db.schema.createIndex('projects_handoff').on('projects').columns(['handoff_id']).unique().execute();

  await db.schema
    .createTable('project_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('onboarding', 'integer', (c) => c.notNull())
    .addColumn('first_value', 'integer', (c) => c.notNull())
    .addColumn('go_live', 'integer', (c) => c.notNull())
    .addColumn('completion_event', 'text') // a usage event name that completes it
    .addColumn('target_day', 'integer') // days after kickoff
    .addColumn('forecast_on', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('completed_by', 'text') // tasks | usage | manual
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addUniqueConstraint('project_milestones_key', ['project_id', 'key'])
    .execute();
  await db.schema
    .createIndex('project_milestones_project')
    .on('project_milestones')
    .columns(['workspace_id', 'project_id', 'sort'])
    .execute();

  await db.schema
    .createTable('project_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('milestone_key', 'text')
    .addColumn('task_type', 'text', (c) => c.notNull())
    .addColumn('owner_role', 'text', (c) => c.notNull())
    .addColumn('customer_owned', 'integer', (c) => c.notNull())
    .addColumn('critical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('effort_hours', 'double precision', (c) => c.notNull())
    .addColumn('remaining_hours', 'double precision', (c) => c.notNull())
    .addColumn('duration_days', 'integer', (c) => c.notNull())
    .addColumn('depends_on', 'text', (c) => c.notNull()) // JSON array of task keys
    .addColumn('assignee_id', 'text', (c) => c.references('delivery_resources.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull()) // todo | in_progress | blocked | done
    .addColumn('blocked_reason', 'text')
    .addColumn('blocked_since', 'text')
    .addColumn('started_on', 'text')
    .addColumn('done_on', 'text')
    .addColumn('forecast_start', 'text')
    .addColumn('forecast_finish', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('project_tasks_key', ['project_id', 'key'])
    .execute();
  await db.schema
    .createIndex('project_tasks_project')
    .on('project_tasks')
    .columns(['workspace_id', 'project_id', 'sort'])
    .execute();
  await db.schema
    .createIndex('project_tasks_assignee')
    .on('project_tasks')
    .columns(['workspace_id', 'assignee_id', 'state'])
    .execute();

  await db.schema
    .createTable('project_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull()) // user | customer | system
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull()) // JSON
    .execute();
  await db.schema
    .createIndex('project_events_project')
    .on('project_events')
    .columns(['workspace_id', 'project_id', 'at'])
    .execute();

  await db.schema
    .createTable('project_slips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('promised_go_live', 'text', (c) => c.notNull())
    .addColumn('from_forecast', 'text') // null: the forecast was within the promise
    .addColumn('to_forecast', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull()) // calendar days past the promise
    .addColumn('reason_code', 'text') // null until someone gives the reason
    .addColumn('note', 'text')
    .addColumn('explained_by_label', 'text')
    .addColumn('explained_at', 'text')
    .execute();
  await db.schema
    .createIndex('project_slips_project')
    .on('project_slips')
    .columns(['workspace_id', 'project_id', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('project_rework')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.references('project_tasks.id').onDelete('set null'))
    .addColumn('hours', 'double precision', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by_label', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('time_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.references('project_tasks.id').onDelete('set null'))
    .addColumn('resource_id', 'text', (c) => c.notNull().references('delivery_resources.id').onDelete('cascade'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('hours', 'double precision', (c) => c.notNull())
    .addColumn('billable', 'integer', (c) => c.notNull())
    .addColumn('rework', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('source', 'text', (c) => c.notNull()) // web | api | import
    .addColumn('external_id', 'text') // an import's own id, for idempotent re-runs
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('time_entries_project')
    .on('time_entries')
    .columns(['workspace_id', 'project_id', 'on_date'])
    .execute();
  await db.schema
    .createIndex('time_entries_resource_day')
    .on('time_entries')
    .columns(['workspace_id', 'resource_id', 'on_date'])
    .execute();
  await db.schema
    .createIndex('time_entries_external')
    .on('time_entries')
    .columns(['workspace_id', 'external_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('portal_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', ws)
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_links_project')
    .on('portal_links')
    .columns(['workspace_id', 'project_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'portal_links',
    'time_entries',
    'project_rework',
    'project_slips',
    'project_events',
    'project_tasks',
    'project_milestones',
    'projects',
    'workspace_holidays',
    'resource_time_off',
    'delivery_resources',
    'playbook_versions',
    'playbooks',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
