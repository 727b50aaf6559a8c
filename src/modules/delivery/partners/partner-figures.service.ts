/** Per-partner delivery figures read from projects, slips and the services economics of the workspace. */
import type { Db } from '../../../platform/db/database.ts';
import { listPartners } from '../../../platform/identity/workspace.service.ts';
import * as projectStore from '../projects/project.store.ts';
import * as timelineStore from '../projects/timeline.store.ts';
import { getWorkspaceEconomics } from '../time/economics.service.ts';
import { type PartnerFigures, partnerFigures } from './partner-figures.ts';

export interface NamedPartnerFigures extends PartnerFigures {
  partnerName: string;
}

export async function deliveryFiguresByPartner(db: Db, workspaceId: string): Promise<NamedPartnerFigures[]> {
  const scope = { workspaceId, partnerId: null };
  const [projects, partners, economics] = await Promise.all([
    projectStore.selectProjects(db, scope, { limit: 1_000_000 }),
    listPartners(db, workspaceId),
    getWorkspaceEconomics(db, scope),
  ]);
  const slips = await timelineStore.selectSlipsOfProjects(
    db,
    workspaceId,
    projects.map((p) => p.id),
  );
  const names = new Map(partners.map((p) => [p.id, p.name]));
  const figures = partnerFigures(
    projects.map((p) => ({
      id: p.id,
      partnerId: p.partner_id,
      status: p.status,
      signedOn: p.signed_on,
      acceptedOn: p.accepted_on,
      promisedGoLive: p.promised_go_live,
      goLiveOn: p.go_live_on,
      firstValueOn: p.first_value_on,
    })),
    slips.map((s) => ({ projectId: s.project_id, days: s.days })),
    economics.items.map((e) => ({
      projectId: e.projectId,
      revenue: e.revenue,
      deliveryCost: e.deliveryCost,
      hours: e.hours.total,
      reworkHours: e.hours.rework,
    })),
  );
  return figures.map((f) => ({
    ...f,
    partnerName: f.partnerId ? (names.get(f.partnerId) ?? 'unknown firm') : 'Own team',
  }));
}
