import { describe, expect, it } from 'vitest';
import { catalogueOf, cleanList, entitledFeatures, entitles, eventConflicts, featureOfEvent } from './catalogue.ts';

const catalogue = catalogueOf([
  { key: 'reports', name: 'Reports', plans: [], events: ['Report Published', 'Report Exported'] },
  { key: 'sso', name: 'Single sign-on', plans: ['enterprise'], events: ['SSO Login'] },
  { key: 'api', name: 'API', plans: ['pro', 'enterprise'], events: [] },
]);

describe('feature catalogue', () => {
  it.each([
    ['Report Published', 'reports'],
    ['Report Exported', 'reports'],
    ['SSO Login', 'sso'],
    ['page:Dashboard', 'page:Dashboard'],
    ['api', 'api'],
  ])('maps event %s to feature %s (unknown events are their own feature)', (event, feature) => {
    expect(featureOfEvent(catalogue, event)).toBe(feature);
  });

  it.each([
    [[], null, true],
    [[], 'pro', true],
    [['pro'], 'pro', true],
    [['pro'], 'starter', false],
    [['pro'], null, false],
  ] as Array<[string[], string | null, boolean]>)('plans %j entitle plan %s: %s', (plans, plan, expected) => {
    expect(entitles(plans, plan)).toBe(expected);
  });

  it.each([
    ['enterprise', ['reports', 'sso', 'api']],
    ['pro', ['reports', 'api']],
    ['starter', ['reports']],
    [null, ['reports']],
  ] as Array<[string | null, string[]]>)('entitles plan %s to %j', (plan, keys) => {
    expect([...entitledFeatures(catalogue, plan)].sort()).toEqual([...keys].sort());
  });

  it('finds events another feature already claims, not the feature’s own', () => {
    expect(eventConflicts(catalogue, 'reports', ['Report Published', 'SSO Login', 'New'])).toEqual([
      { index: 1, event: 'SSO Login', owner: 'sso' },
    ]);
    expect(eventConflicts(catalogue, 'new', ['Report Exported'])).toEqual([
      { index: 0, event: 'Report Exported', owner: 'reports' },
    ]);
  });

  it('trims lists and drops blanks and repeats', () => {
    expect(cleanList([' pro', 'pro', '', 'enterprise '])).toEqual(['pro', 'enterprise']);
  });
});
