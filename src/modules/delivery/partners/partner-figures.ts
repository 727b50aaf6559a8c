/**
 * Delivery figures per partner firm (and for the company's own team, for comparison): how many projects,
 * time to value, on-time go-lives, slips, services margin and rework. What the partner scorecards read. Pure.
 */
import { daysBetween, percentile } from '../projects/project.ts';

export interface FigureProject {
  id: string;
  partnerId: string | null;
  status: string;
  signedOn: string | null;
  acceptedOn: string;
  promisedGoLive: string | null;
  goLiveOn: string | null;
  firstValueOn: string | null;
}

export interface FigureSlip {
  projectId: string;
  days: number;
}

export interface FigureEconomics {
  projectId: string;
  revenue: number;
  deliveryCost: number;
  hours: number;
  reworkHours: number;
}

export interface PartnerFigures {
  partnerId: string | null;
  projects: { total: number; queued: number; active: number; live: number; closed: number; cancelled: number };
  /** Median days from signature to first value, over projects that reached it. */
  medianTtvDays: number | null;
  ttvProjects: number;
  /** Delivered projects (live or closed) with a promise, and the share that went live on or before it. */
  delivered: number;
  onTimeShare: number | null;
  slips: { count: number; projects: number; averageDays: number | null };
  hours: number;
  revenue: number;
  deliveryCost: number;
  /** (revenue − cost) / revenue over the firm's projects; null without revenue. */
  margin: number | null;
  reworkShare: number | null;
}

const round = (n: number, places = 4) => Math.round(n * 10 ** places) / 10 ** places;

export function partnerFigures(
  projects: readonly FigureProject[],
  slips: readonly FigureSlip[],
  economics: readonly FigureEconomics[],
): PartnerFigures[] {
  const groups = new Map<string | null, FigureProject[]>();
  for (const p of projects) (groups.get(p.partnerId) ?? groups.set(p.partnerId, []).get(p.partnerId)!).push(p);
  const econ = new Map(economics.map((e) => [e.projectId, e]));
  const out: PartnerFigures[] = [];
  for (const [partnerId, list] of groups) {
    const ids = new Set(list.map((p) => p.id));
    const count = (s: string) => list.filter((p) => p.status === s).length;
    const ttv = list.filter((p) => p.firstValueOn).map((p) => daysBetween(p.signedOn ?? p.acceptedOn, p.firstValueOn!));
    const delivered = list.filter((p) => p.goLiveOn && p.promisedGoLive);
    const own = slips.filter((s) => ids.has(s.projectId));
    const money = list.map((p) => econ.get(p.id)).filter((e): e is FigureEconomics => Boolean(e));
    const revenue = money.reduce((s, e) => s + e.revenue, 0);
    const cost = money.reduce((s, e) => s + e.deliveryCost, 0);
    const hours = money.reduce((s, e) => s + e.hours, 0);
    const rework = money.reduce((s, e) => s + e.reworkHours, 0);
    out.push({
      partnerId,
      projects: {
        total: list.length,
        queued: count('queued'),
        active: count('active'),
        live: count('live'),
        closed: count('closed'),
        cancelled: count('cancelled'),
      },
      medianTtvDays: percentile(ttv, 0.5),
      ttvProjects: ttv.length,
      delivered: delivered.length,
      onTimeShare: delivered.length
        ? round(delivered.filter((p) => p.goLiveOn! <= p.promisedGoLive!).length / delivered.length)
        : null,
      slips: {
        count: own.length,
        projects: new Set(own.map((s) => s.projectId)).size,
        averageDays: own.length ? round(own.reduce((s, x) => s + x.days, 0) / own.length, 1) : null,
      },
      hours: round(hours, 2),
      revenue: round(revenue, 2),
      deliveryCost: round(cost, 2),
      margin: revenue > 0 ? round((revenue - cost) / revenue) : null,
      reworkShare: hours > 0 ? round(rework / hours) : null,
    });
  }
  // The company's own team first, then firms by project count.
  return out.sort((a, b) =>
    a.partnerId === null ? -1 : b.partnerId === null ? 1 : b.projects.total - a.projects.total,
  );
}
