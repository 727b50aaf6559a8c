import { describe, expect, it } from 'vitest';
import { DEFAULT_UNDERUSE, type LastUse, type Release, underuseReport } from './release.ts';

const release = (id: string, releasedOn: string, features: string[], plans: string[] | null = null): Release => ({
  id,
  name: `Release ${id}`,
  version: null,
  releasedOn,
  notes: null,
  plans,
  features,
  createdAt: '',
  updatedAt: '',
});
const features = new Map([
  ['reports', { name: 'Reports', plans: [] }],
  ['sso', { name: 'SSO', plans: ['enterprise'] }],
]);
const use = (accountId: string, feature: string, lastDay: string): LastUse => ({ accountId, feature, lastDay });

describe('release underuse', () => {
  const accounts = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
  const lastUse = [
    use('a1', 'reports', '2026-11-10'),
    use('a2', 'login', '2026-11-10'),
    use('a3', 'login', '2026-11-01'),
    use('a4', 'login', '2026-11-01'),
    use('a5', 'login', '2026-11-01'),
    // Used reports before the release only, and nothing since: not entitled (no usage since).
    use('a6', 'reports', '2026-08-01'),
  ];

  it('counts entitled accounts with usage since release and those that used the feature', () => {
    const [row] = underuseReport(
      '2026-11-20',
      DEFAULT_UNDERUSE,
      [release('r1', '2026-09-01', ['reports'])],
      features,
      new Map(),
      accounts,
      lastUse,
    );
    expect(row).toMatchObject({
      feature: 'reports',
      entitledAccounts: 5,
      usingAccounts: 1,
      share: 0.2,
      eligible: true,
      flagged: false,
      daysSinceRelease: 80,
    });
    expect(row?.nonUsers).toEqual(['a2', 'a3', 'a4', 'a5']);
  });

  it.each([
    // 1 of 5 is 20 %: not below; without a1's use it is 0 %.
    ['2026-11-20', [use('a1', 'login', '2026-11-10')], true],
    // 60 days after release: not yet judged.
    ['2026-10-31', [use('a1', 'login', '2026-10-10')], false],
    ['2026-11-01', [use('a1', 'login', '2026-10-10')], true],
  ] as Array<[string, LastUse[], boolean]>)('as of %s flags: %s', (asOf, extra, flagged) => {
    const [row] = underuseReport(
      asOf,
      DEFAULT_UNDERUSE,
      [release('r1', '2026-09-01', ['reports'])],
      features,
      new Map(),
      accounts,
      [...lastUse.slice(1), ...extra],
    );
    expect(row?.flagged).toBe(flagged);
  });

  it('entitles by the release’s plans, else the feature’s, and needs enough accounts to judge', () => {
    const plans = new Map([
      ['a2', 'enterprise'],
      ['a3', 'enterprise'],
    ]);
    const [sso] = underuseReport(
      '2026-11-20',
      DEFAULT_UNDERUSE,
      [release('r1', '2026-09-01', ['sso'])],
      features,
      plans,
      accounts,
      lastUse,
    );
    expect(sso).toMatchObject({ entitledAccounts: 2, usingAccounts: 0, share: 0, flagged: false });
    const [wide] = underuseReport(
      '2026-11-20',
      DEFAULT_UNDERUSE,
      [release('r1', '2026-09-01', ['sso'], [])],
      features,
      plans,
      accounts,
      lastUse,
    );
    expect(wide).toMatchObject({ entitledAccounts: 5, usingAccounts: 0, flagged: true, plans: [] });
  });

  it('counts a feature from its earliest release and ignores releases after the report day', () => {
    const rows = underuseReport(
      '2026-11-20',
      DEFAULT_UNDERUSE,
      [
        release('late', '2026-12-01', ['sso']),
        release('r2', '2026-10-01', ['reports']),
        release('r1', '2026-08-15', ['reports']),
      ],
      features,
      new Map(),
      accounts,
      lastUse,
    );
    expect(rows.map((r) => [r.feature, r.releaseId])).toEqual([['reports', 'r1']]);
    // a6's use on 08-01 is before the release on 08-15.
    expect(rows[0]).toMatchObject({ entitledAccounts: 5, usingAccounts: 1 });
  });
});
