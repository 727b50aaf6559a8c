import type { AccountTable, ContactTable } from '../../modules/accounts/account.table.ts';
import type { DealStageMappingTable, DealTable } from '../../modules/deals/deal.table.ts';
import type { AuditLogTable } from '../audit/audit.table.ts';
import type { ApiKeyTable, SessionTable } from '../auth/auth.table.ts';
import type { IdempotencyKeyTable } from '../http/idempotency.table.ts';
import type { ImportRunTable } from '../imports/import-run.table.ts';
import type { WorkspaceSettingTable } from '../settings/setting.table.ts';
import type { MembershipTable, PartnerTable, UserTable, WorkspaceTable } from '../identity/identity.table.ts';
import type { JobTable } from '../jobs/job.table.ts';

/** The whole database as Kysely sees it. Each table's type lives beside the module that owns it. */
export interface Database {
  workspaces: WorkspaceTable;
  users: UserTable;
  partners: PartnerTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  audit_log: AuditLogTable;
  jobs: JobTable;
  idempotency_keys: IdempotencyKeyTable;
  import_runs: ImportRunTable;
  workspace_settings: WorkspaceSettingTable;
  accounts: AccountTable;
  contacts: ContactTable;
  deals: DealTable;
  deal_stage_mappings: DealStageMappingTable;
}
