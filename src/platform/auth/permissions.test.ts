import { describe, expect, it } from 'vitest';
import { type Permission, type Role, roleAllows, scopeAllows } from './permissions.ts';

// The policy of DESIGN §9, written out by hand so that a change to the role map is a visible decision.
const expected: Array<[Role, Permission, boolean]> = [
  ['admin', 'users:manage', true],
  ['admin', 'apikeys:manage', true],
  ['admin', 'ingest:write', false],
  ['leader', 'audit:read', true],
  ['leader', 'users:manage', false],
  ['leader', 'apikeys:manage', false],
  ['csm', 'accounts:write', true],
  ['sales', 'accounts:write', true],
  ['delivery', 'accounts:write', true],
  ['support', 'accounts:write', false],
  ['viewer', 'accounts:read', true],
  ['viewer', 'accounts:write', false],
  ['partner', 'accounts:read', true],
  ['partner', 'users:read', false],
  ['partner', 'accounts:write', false],
  ['csm', 'jobs:manage', false],
  ['sales', 'deals:write', true],
  ['csm', 'deals:write', false],
  ['sales', 'deals:confirm', false],
  ['leader', 'deals:confirm', true],
  ['partner', 'deals:read', false],
];

describe('roles', () => {
  it.each(expected)('%s may %s: %s', (role, permission, allowed) => {
    expect(roleAllows(role, permission)).toBe(allowed);
  });

  it('lets an ingest key only send data, and an admin key do what an admin does', () => {
    expect(scopeAllows('ingest', 'ingest:write')).toBe(true);
    expect(scopeAllows('ingest', 'accounts:read')).toBe(false);
    expect(scopeAllows('admin', 'users:manage')).toBe(true);
  });
});
