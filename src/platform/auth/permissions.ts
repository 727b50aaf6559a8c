/**
 * Who may do what: the one place roles become permissions (DESIGN §9). Pure data and functions.
 * Every route names one permission (or `public` / `signed_in`); the role × route matrix test reads both.
 */

export const ROLES = ['admin', 'leader', 'csm', 'delivery', 'sales', 'support', 'partner', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const API_KEY_SCOPES = ['ingest', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const PERMISSIONS = [
  'accounts:read',
  'accounts:write',
  'deals:read',
  'deals:write',
  'deals:confirm',
  'imports:run',
  'handoffs:read',
  'handoffs:write',
  'handoffs:review',
  'commitments:read',
  'commitments:write',
  'commitments:review',
  'workspace:manage',
  'users:read',
  'users:manage',
  'apikeys:manage',
  'audit:read',
  'jobs:manage',
  'ingest:write',
  'usage:read',
  'projects:read',
  'projects:write',
  'projects:manage',
  'playbooks:write',
  'resources:write',
  'time:write',
  'capacity:read',
  'margin:read',
  'revenue:read',
  'revenue:write',
  'relationship:read',
  'relationship:write',
  'health:read',
  'health:write',
  'signals:write',
  'signals:manage',
  'support:read',
  'support:write',
  'knowledge:read',
  'knowledge:write',
  'alerts:read',
  'alerts:manage',
  'plays:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a route requires: a permission, any signed-in principal, or nothing. */
export type Access = Permission | 'signed_in' | 'public';

const everyoneReads: Permission[] = [
  'accounts:read',
  'users:read',
  'deals:read',
  'handoffs:read',
  'commitments:read',
  'usage:read',
  'projects:read',
  'relationship:read',
  'support:read',
  'knowledge:read',
];
/** Delivery's own work: projects, playbooks, people and their time, capacity and services margin. */
const deliveryWork: Permission[] = [
  'projects:write',
  'projects:manage',
  'playbooks:write',
  'resources:write',
  'time:write',
  'capacity:read',
  'margin:read',
];

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS.filter((p) => p !== 'ingest:write')),
  leader: new Set([
    ...everyoneReads,
    'accounts:write',
    'deals:write',
    'deals:confirm',
    'imports:run',
    'handoffs:write',
    'handoffs:review',
    'commitments:write',
    'commitments:review',
    'audit:read',
    ...deliveryWork,
    'revenue:read',
    'revenue:write',
    'relationship:write',
    'health:read',
    'health:write',
    'signals:write',
    'signals:manage',
    'support:write',
    'knowledge:write',
    'alerts:read',
    'plays:write',
  ]),
  // Success managers record promises they inherit and own renewals (they read revenue and churn risk, and rescore
  // it); delivery reviews briefs and asks the clarifications.
  csm: new Set([
    ...everyoneReads,
    'accounts:write',
    'commitments:write',
    'revenue:read',
    'relationship:write',
    'health:read',
    'health:write',
    'signals:write',
    'support:write',
    'knowledge:write',
  ]),
  // Those who work accounts act on their signals (acknowledge, snooze, dismiss); support and viewers read them.
  delivery: new Set([
    ...everyoneReads,
    'accounts:write',
    'handoffs:review',
    ...deliveryWork,
    'signals:write',
    'knowledge:write',
  ]),
  // The account executive imports the CRM, writes the brief and records every promise made in the sale.
  sales: new Set([
    ...everyoneReads,
    'accounts:write',
    'deals:write',
    'imports:run',
    'handoffs:write',
    'commitments:write',
    'revenue:read',
    'relationship:write',
    'health:read',
    'signals:write',
  ]),
  // Support agents import their help desk's tickets and correct their categories.
  support: new Set([...everyoneReads, 'support:write']),
  // Partners read and work only their firm's accounts and projects (enforced in the stores), log their own
  // time, and never see the member list, deals, rates or the capacity plan. They read published articles only.
  partner: new Set(['accounts:read', 'projects:read', 'projects:write', 'time:write', 'knowledge:read']),
  // Executives and investors read the portfolio's money figures (ARR, NRR, ARR at risk) too.
  viewer: new Set([...everyoneReads, 'revenue:read', 'health:read']),
};

const SCOPE_PERMISSIONS: Record<ApiKeyScope, ReadonlySet<Permission>> = {
  ingest: new Set(['ingest:write']),
  admin: new Set([...ROLE_PERMISSIONS.admin, 'ingest:write']),
};

export const roleAllows = (role: Role, permission: Permission): boolean => ROLE_PERMISSIONS[role].has(permission);
export const scopeAllows = (scope: ApiKeyScope, permission: Permission): boolean =>
  SCOPE_PERMISSIONS[scope].has(permission);

export const permissionsOfRole = (role: Role): Permission[] => [...ROLE_PERMISSIONS[role]];
export const permissionsOfScope = (scope: ApiKeyScope): Permission[] => [...SCOPE_PERMISSIONS[scope]];

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);
export const isScope = (v: string): v is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(v);
