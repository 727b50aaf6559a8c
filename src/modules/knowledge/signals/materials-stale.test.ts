import { describe, expect, it } from 'vitest';
import { accountMaterialsStale, inOnboarding, materialsStale } from './materials-stale.ts';
import { DEFAULT_KNOWLEDGE_THRESHOLDS as T } from './materials-stale.settings.ts';

const project = {
  id: 'p1',
  name: 'Northwind rollout',
  status: 'active',
  kickoffOn: '2026-10-05',
  goLiveOn: null,
  playbook: { key: 'enterprise', name: 'Enterprise implementation' },
};
const old = [
  { id: 'a1', title: 'Import your accounts', updatedAt: '2026-03-02T09:00:00.000Z' },
  { id: 'a2', title: 'Configure SSO', updatedAt: '2026-10-04T23:00:00.000Z' },
];

describe('onboarding materials not updated since kickoff', () => {
  it('holds when every article of the playbook was last updated before the kickoff day, naming them newest first', () => {
    const o = materialsStale('2026-11-20', project, old, T);
    expect(o.holds).toBe(true);
    expect(o.title).toBe('Enterprise implementation articles not updated since before Northwind rollout kicked off');
    expect(o.evidence).toMatchObject({
      tag: 'playbook:enterprise',
      kickoffOn: '2026-10-05',
      articleCount: 2,
      newestUpdate: '2026-10-04T23:00:00.000Z',
      articles: [{ title: 'Configure SSO' }, { title: 'Import your accounts' }],
    });
  });

  it('does not hold once one article is updated on or after the kickoff day, with none, or when off', () => {
    const fresh = [...old, { id: 'a3', title: 'Go-live checklist', updatedAt: '2026-10-05T08:00:00.000Z' }];
    expect(materialsStale('2026-11-20', project, fresh, T).holds).toBe(false);
    expect(materialsStale('2026-11-20', project, [], T).holds).toBe(false);
    const off = { materialsStale: { ...T.materialsStale, enabled: false } };
    expect(materialsStale('2026-11-20', project, old, off).holds).toBe(false);
  });

  it('judges projects in delivery and live for at most the days after go-live', () => {
    expect(inOnboarding(project, '2026-11-20', 60)).toBe(true);
    expect(inOnboarding({ ...project, status: 'queued', kickoffOn: null }, '2026-11-20', 60)).toBe(false);
    const live = { ...project, status: 'live', goLiveOn: '2026-10-01' };
    expect(inOnboarding(live, '2026-11-30', 60)).toBe(true);
    expect(inOnboarding(live, '2026-12-01', 60)).toBe(false);
    expect(materialsStale('2026-12-01', { ...live, kickoffOn: '2026-06-01' }, old.slice(0, 1), T).holds).toBe(false);
    expect(inOnboarding({ ...project, status: 'cancelled' }, '2026-11-20', 60)).toBe(false);
  });

  it('an account holds when any of its projects holds, said from that project', () => {
    const other = {
      ...project,
      id: 'p2',
      name: 'Second region',
      kickoffOn: '2026-11-01',
      playbook: { key: 'x', name: 'X' },
    };
    const fresh = [{ id: 'b1', title: 'Regions', updatedAt: '2026-11-02T09:00:00.000Z' }];
    const o = accountMaterialsStale('2026-11-20', [project, other], (k) => (k === 'x' ? fresh : old), T);
    expect(o).toMatchObject({ holds: true, evidence: { project: 'Northwind rollout' } });
    expect(accountMaterialsStale('2026-11-20', [other], () => fresh, T)?.holds).toBe(false);
    expect(accountMaterialsStale('2026-11-20', [], () => old, T)).toBeNull();
  });
});
