import type { AccountTable, ContactTable } from '../../modules/accounts/account.table.ts';
import type { AccountExternalIdTable, ContactExternalIdTable } from '../../modules/accounts/account-import.table.ts';
import type { CommitmentStatusChangeTable, CommitmentTable } from '../../modules/commitments/commitment.table.ts';
import type { DealStageMappingTable, DealTable } from '../../modules/deals/deal.table.ts';
import type { WebhookDeliveryTable, WebhookEventTable } from '../../modules/deals/webhooks/webhook.table.ts';
import type { AccountOwnershipHandoffTable, HandoffBriefTable, HandoffClarificationTable, HandoffEventTable } from '../../modules/handoffs/handoff.table.ts';
import type { SignalTable } from '../../modules/signals/signal.table.ts';
import type { UsageEventTable, UsageIngestRequestTable, UsageUserTable } from '../../modules/usage/usage.table.ts';
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
  usage_ingest_requests: UsageIngestRequestTable;
}
