import { describe, expect, it } from 'vitest';
import { type FigureProject, partnerFigures } from './partner-figures.ts';

const p = (id: string, partnerId: string | null, over: Partial<FigureProject> = {}): FigureProject => ({
  id,
  partnerId,
  status: 'active',
  signedOn: '2026-01-01',
  acceptedOn: '2026-01-03',
  promisedGoLive: null,
  goLiveOn: null,
  firstValueOn: null,
  ...over,
});

describe('partner figures', () => {
  it('counts projects, time to value, on-time go-lives, slips, margin and rework per firm, own team first', () => {
    const projects = [
      p('a', 'firm', {
        status: 'live',
        firstValueOn: '2026-02-10',
        promisedGoLive: '2026-04-01',
        goLiveOn: '2026-03-25',
      }),
      p('b', 'firm', {
        status: 'closed',
        firstValueOn: '2026-03-02',
        promisedGoLive: '2026-04-01',
        goLiveOn: '2026-04-20',
      }),
      p('c', 'firm', { status: 'active' }),
      p('d', null, {
        status: 'live',
        firstValueOn: '2026-01-21',
        promisedGoLive: '2026-03-01',
        goLiveOn: '2026-03-01',
      }),
    ];
    const slips = [
      { projectId: 'b', days: 10 },
      { projectId: 'b', days: 19 },
      { projectId: 'c', days: 4 },
    ];
    const economics = [
      { projectId: 'a', revenue: 10_000, deliveryCost: 6_000, hours: 100, reworkHours: 10 },
      { projectId: 'b', revenue: 10_000, deliveryCost: 9_000, hours: 120, reworkHours: 30 },
      { projectId: 'd', revenue: 5_000, deliveryCost: 2_000, hours: 40, reworkHours: 0 },
    ];
    const [own, firm] = partnerFigures(projects, slips, economics);
    expect(own).toMatchObject({
      partnerId: null,
      medianTtvDays: 20,
      onTimeShare: 1,
      margin: 0.6,
      slips: { count: 0, averageDays: null },
    });
    expect(firm).toMatchObject({
      partnerId: 'firm',
      projects: { total: 3, active: 1, live: 1, closed: 1 },
      medianTtvDays: 50, // 40 and 60 days
      ttvProjects: 2,
      delivered: 2,
      onTimeShare: 0.5,
      slips: { count: 3, projects: 2, averageDays: 11 },
      revenue: 20_000,
      deliveryCost: 15_000,
      margin: 0.25,
      reworkShare: 0.1818,
    });
  });

  it('gives nulls, not zeros, where there is nothing to measure', () => {
    const [only] = partnerFigures([p('x', 'firm')], [], []);
    expect(only).toMatchObject({ medianTtvDays: null, onTimeShare: null, margin: null, reworkShare: null });
  });
});
