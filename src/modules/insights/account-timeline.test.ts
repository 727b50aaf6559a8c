import { describe, expect, it } from 'vitest';
import type { TimelineEntry, TimelineGroup } from '../accounts/index.ts';
import { compareEntries, pageOf } from './account-timeline.ts';

const entry = (id: string, at: string, kind: TimelineEntry['kind'] = 'signal.raised'): TimelineEntry => ({
  id,
  at,
  kind,
  title: id,
  sentence: id,
  ref: { kind: 'signal', id },
  module: 'signals',
});
const ALL = new Set<TimelineGroup>(['signal', 'deal', 'project']);

describe('pageOf', () => {
  const entries = [
    entry('a', '2026-01-01T00:00:00.000Z'),
    entry('c', '2026-03-01T00:00:00.000Z'),
    entry('b', '2026-03-01T00:00:00.000Z'),
    entry('d', '2026-02-01T00:00:00.000Z', 'deal.won'),
    entry('e', '2026-04-01T00:00:00.000Z', 'project.started'),
  ];

  it('orders newest first, ids descending at one instant', () => {
    expect([...entries].sort(compareEntries).map((e) => e.id)).toEqual(['e', 'c', 'b', 'd', 'a']);
  });

  it('pages through every entry once, even across entries at the same instant', () => {
    const first = pageOf(entries, { groups: ALL, limit: 2 });
    expect(first.items.map((e) => e.id)).toEqual(['e', 'c']);
    expect(first.next).toEqual({ at: '2026-03-01T00:00:00.000Z', id: 'c' });
    const second = pageOf(entries, { groups: ALL, limit: 2, after: first.next ?? undefined });
    expect(second.items.map((e) => e.id)).toEqual(['b', 'd']);
    const third = pageOf(entries, { groups: ALL, limit: 2, after: second.next ?? undefined });
    expect(third.items.map((e) => e.id)).toEqual(['a']);
    expect(third.next).toBeNull();
  });

  it('keeps the groups asked for, what is strictly before `before`, and each id once', () => {
    const twice = [...entries, entry('b', '2026-03-01T00:00:00.000Z')];
    const page = pageOf(twice, {
      groups: new Set<TimelineGroup>(['signal']),
      before: '2026-03-01T00:00:00.000Z',
      limit: 10,
    });
    expect(page.items.map((e) => e.id)).toEqual(['a']);
    expect(pageOf(twice, { groups: new Set<TimelineGroup>(['signal']), limit: 10 }).items.map((e) => e.id)).toEqual([
      'c',
      'b',
      'a',
    ]);
  });
});
