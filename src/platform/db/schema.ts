import type { AccountTable, ContactTable } from '../../modules/accounts/account.table.ts';
import type { AccountExternalIdTable, ContactExternalIdTable } from '../../modules/accounts/account-import.table.ts';
import type { CommitmentStatusChangeTable, CommitmentTable } from '../../modules/commitments/commitment.table.ts';
import type { DealStageMappingTable, DealTable } from '../../modules/deals/deal.table.ts';
import type { WebhookDeliveryTable, WebhookEventTable } from '../../modules/deals/webhooks/webhook.table.ts';
import type {
  AccountOwnershipHandoffTable,
  HandoffBriefTable,
  HandoffClarificationTable,
  HandoffEventTable,
} from '../../modules/handoffs/handoff.table.ts';
import type { SignalTable } from '../../modules/signals/signal.table.ts';
import type {
  UsageEventTable,
  UsageIngestRequestTable,
  UsageIngestTotalsTable,
  UsageUserTable,
  UsageUserTraitsTable,
} from '../../modules/usage/usage.table.ts';
import type {
  UsageAccountSeatsTable,
  UsageFirstUseWatchTable,
  UsageDailyAccountFeatureTable,
  UsageDailyAccountUserTable,
} from '../../modules/usage/usage.table.ts';
import type {
  UsageAccountPlanTable,
  UsageFeatureEventTable,
  UsageFeatureTable,
} from '../../modules/usage/catalogue/catalogue.table.ts';
import type { UsageReleaseFeatureTable, UsageReleaseTable } from '../../modules/usage/releases/release.table.ts';
import type {
  IntegrationStatusDailyTable,
  IntegrationStatusReportTable,
  IntegrationStatusTable,
} from '../../modules/usage/integrations/integration-status.table.ts';
import type { UsageImportRowTable } from '../../modules/usage/import/usage-import.table.ts';
import type { PlaybookTable, PlaybookVersionTable } from '../../modules/delivery/playbooks/playbook.table.ts';
import type {
  DeliveryResourceTable,
  ResourceTimeOffTable,
  WorkspaceHolidayTable,
} from '../../modules/delivery/resources/resource.table.ts';
import type {
  ProjectEventTable,
  ProjectMilestoneTable,
  ProjectReworkTable,
  ProjectSlipTable,
  ProjectTable,
  ProjectTaskTable,
} from '../../modules/delivery/projects/project.table.ts';
import type { TimeEntryTable } from '../../modules/delivery/time/time-entry.table.ts';
import type { PortalLinkTable } from '../../modules/delivery/portal/portal-link.table.ts';
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

/** The whole database as Kysely sees it. Each table's type lives beside the module that owns it. */
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
  accounts: AccountTable;
  contacts: ContactTable;
  account_external_ids: AccountExternalIdTable;
  contact_external_ids: ContactExternalIdTable;
  deals: DealTable;
  deal_stage_mappings: DealStageMappingTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_events: WebhookEventTable;
  signals: SignalTable;
  handoff_briefs: HandoffBriefTable;
  handoff_events: HandoffEventTable;
  handoff_clarifications: HandoffClarificationTable;
  account_ownership_handoffs: AccountOwnershipHandoffTable;
  commitments: CommitmentTable;
  commitment_status_changes: CommitmentStatusChangeTable;
  usage_events: UsageEventTable;
  usage_users: UsageUserTable;
  usage_user_traits: UsageUserTraitsTable;
  usage_ingest_requests: UsageIngestRequestTable;
  usage_ingest_totals: UsageIngestTotalsTable;
  usage_daily_account_feature: UsageDailyAccountFeatureTable;
  usage_daily_account_user: UsageDailyAccountUserTable;
  usage_account_seats: UsageAccountSeatsTable;
  usage_first_use_watches: UsageFirstUseWatchTable;
  usage_import_rows: UsageImportRowTable;
  usage_features: UsageFeatureTable;
  usage_feature_events: UsageFeatureEventTable;
  usage_account_plans: UsageAccountPlanTable;
  usage_releases: UsageReleaseTable;
  usage_release_features: UsageReleaseFeatureTable;
  integration_status_daily: IntegrationStatusDailyTable;
  integration_status: IntegrationStatusTable;
  integration_status_reports: IntegrationStatusReportTable;
  playbooks: PlaybookTable;
  playbook_versions: PlaybookVersionTable;
  delivery_resources: DeliveryResourceTable;
  resource_time_off: ResourceTimeOffTable;
  workspace_holidays: WorkspaceHolidayTable;
  projects: ProjectTable;
  project_milestones: ProjectMilestoneTable;
  project_tasks: ProjectTaskTable;
  project_events: ProjectEventTable;
  project_slips: ProjectSlipTable;
  project_rework: ProjectReworkTable;
  time_entries: TimeEntryTable;
  portal_links: PortalLinkTable;
}
