export type Role = 'admin' | 'leader' | 'csm' | 'delivery' | 'sales' | 'support' | 'partner' | 'viewer';

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

export interface Account {
  id: string;
  name: string;
  domain: string | null;
  segment: string;
  industry: string | null;
  region: string | null;
  country: string | null;
  lifecyclePhase: string;
  aeUserId: string | null;
  deliveryLeadUserId: string | null;
  csmUserId: string | null;
  accountManagerUserId: string | null;
  partnerId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Contact {
  id: string;
  accountId: string;
  name: string;
  email: string | null;
  title: string | null;
  role: string;
  lastTouchAt: string | null;
  leftAt: string | null;
}

export interface Member {
  id: string;
  email: string;
  name: string;
  hasPassword: boolean;
  disabledAt: string | null;
  role: Role;
  partnerId: string | null;
  partnerName: string | null;
  memberSince: string;
}

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
  actor: { type: string; id: string | null; label: string };
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface Deal {
  id: string;
  source: string;
  externalId: string;
  name: string;
  accountId: string | null;
  accountName: string | null;
  stage: string;
  stageCategory: 'open' | 'won' | 'lost';
  amount: number | null;
  currency: string | null;
  closeDate: string | null;
  signedDate: string | null;
  owner: string | null;
  products: string[];
  financeConfirmedAt: string | null;
  journeyState: 'open' | 'lost' | 'pending_confirmation' | 'confirmed' | 'reopened';
  missing: Array<'won' | 'signed' | 'finance_confirmed'>;
  confirmedAt: string | null;
  reopenedAt: string | null;
  updatedAt: string;
}
