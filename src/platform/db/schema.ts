import type { AuditLogTable } from '../audit/audit.table.ts';
import type { ApiKeyTable, LoginFailureTable, SessionTable } from '../auth/auth.table.ts';
import type { IdempotencyKeyTable } from '../http/idempotency.table.ts';
import type { ImportRunTable } from '../imports/import-run.table.ts';
import type { WorkspaceSettingTable } from '../settings/setting.table.ts';
import type {
  InvitationTable,
  MembershipTable,
  PartnerTable,
  PasswordLinkTable,
  UserTable,
  WorkspaceTable,
} from '../identity/identity.table.ts';
import type { JobTable } from '../jobs/job.table.ts';

/**
 * The whole database as Kysely sees it: the platform's tables here, and each module's merged in by its manifest
 * (`declare module` in its `module.ts`), beside the module that owns them.
 */
export interface Database {
  workspaces: WorkspaceTable;
  users: UserTable;
  partners: PartnerTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  invitations: InvitationTable;
  password_links: PasswordLinkTable;
  login_failures: LoginFailureTable;
  api_keys: ApiKeyTable;
  audit_log: AuditLogTable;
  jobs: JobTable;
  idempotency_keys: IdempotencyKeyTable;
  import_runs: ImportRunTable;
  workspace_settings: WorkspaceSettingTable;
}
