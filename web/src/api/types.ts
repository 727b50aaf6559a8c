/** API shapes. Records the server defines in its pure type modules are imported from there, never retyped. */
export type { Account, Contact } from '../../../src/modules/accounts/account.ts';
export type { Deal } from '../../../src/modules/deals/deal.ts';
export type { StageCategory } from '../../../src/modules/deals/deal.ts';
export type {
  PipelineView,
  StageInput,
  StageMappingsView,
  StageView,
  UnmappedStage,
} from '../../../src/modules/deals/stages/stage-view.ts';
export type { Role } from '../../../src/platform/auth/permissions.ts';
import type { Role } from '../../../src/platform/auth/permissions.ts';

export interface Session {
  user: { id: string; email: string; name: string } | null;
  apiKey: { id: string; name: string; scope: string } | null;
  workspace: { id: string; slug: string; name: string; isDemo: boolean };
  role: Role | 'api_key';
  partnerId: string | null;
  permissions: string[];
  workspaces: Array<{ id: string; slug: string; name: string; role: string }>;
  csrfToken: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerId: string | null;
  partnerName: string | null;
  memberSince: string;
}

export type { Invitation, MyInvitation } from '../../../src/platform/identity/identity.ts';

export interface Partner {
  id: string;
  name: string;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  scope: 'ingest' | 'admin';
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Job {
  id: string;
  type: string;
  status: 'queued' | 'running' | 'succeeded' | 'dead';
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
  workspaceId: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { type: string; id: string | null; label: string; name: string | null };
  action: string;
  entityType: string;
  entityId: string | null;
  entityName: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export type { BriefContent, BriefField, BriefScore, BriefState } from '../../../src/modules/handoffs/handoff.ts';
export type {
  BriefDetail,
  BriefEvent,
  BriefSummary,
  Clarification,
} from '../../../src/modules/handoffs/handoff.views.ts';
export type { Signal } from '../../../src/modules/signals/signal.ts';
export type { CostOfDelay } from '../../../src/modules/signals/cost-of-delay.ts';
export type { Integration, SecretState, WebhookDelivery } from '../../../src/modules/deals/webhooks/webhook.ts';
export type {
  Commitment,
  CommitmentStatus,
  StatusChange,
  Strength,
  WordsReading,
} from '../../../src/modules/commitments/commitment.ts';
export type { ExposureReport, ExposureRow, ExposureSection } from '../../../src/modules/commitments/exposure-report.ts';
export type { ContractTerms } from '../../../src/modules/deals/terms/contract-terms.ts';
export type { TermsFigures, TermsReport } from '../../../src/modules/deals/terms/terms-report.ts';
export type {
  ImportFieldDoc,
  ImportKind,
  ImportPreview,
  ImportResult,
  ImportRunView,
  RowError,
} from '../../../src/platform/imports/import-run.ts';
