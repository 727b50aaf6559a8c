/**
 * The capacity plan by role and week (DESIGN §5, capacity gap): the forecast's planned hours of active and
 * queued projects, plus the open pipeline weighted by stage probability and the effort of the playbook each deal
 * would get, against the hours people can give; and the queue of accepted projects waiting for kickoff.
 */
import type { Db } from '../../../platform/db/database.ts';
import { accountNamesById, accountSegmentsById } from '../../accounts/index.ts';
import { openPipeline } from '../../deals/index.ts';
import { capacityPlan, type PipelineDemand } from '../forecast/capacity-plan.ts';
import { type CapacityView, isStale, type PipelineLine } from './capacity.ts';
import type { StaleDealTreatment } from './capacity.settings.ts';
import { effortByRole, typicalDurationDays } from '../playbooks/playbook.rules.ts';
import { selectPlaybook } from '../playbooks/playbook.service.ts';
import type { PlaybookVersion } from '../playbooks/playbook.ts';
import { forecastOrExplain, loadForecastInput } from '../projects/forecast.service.ts';
import { daysBetween } from '../projects/project.ts';

export type { CapacityView, PipelineLine, QueuedProject } from './capacity.ts';

export interface CapacityOptions {
  today: string;
  weeks: number;
  bufferPct: number;
  /** Open deals past their close date: left out (listed as stale) or counted as starting today. */
  staleDeals: StaleDealTreatment;
  staleAfterDays: number;
}

export async function capacityView(db: Db, workspaceId: string, opts: CapacityOptions): Promise<CapacityView> {
  const { projects, tasks, input } = await loadForecastInput(db, workspaceId, opts.today);
  const forecast = forecastOrExplain(input, tasks);
  const [deals, segments, names] = await Promise.all([
    openPipeline(db, workspaceId),
    accountSegmentsById(db, workspaceId),
    accountNamesById(db, { workspaceId, partnerId: null }),
  ]);

  // Each deal gets the playbook its products and segment would select; the same choice is looked up once.
  const chosen = new Map<string, PlaybookVersion | null>();
  const pipeline: PipelineDemand[] = [];
  const lines: PipelineLine[] = [];
  for (const d of deals) {
    const segment = d.accountId ? (segments.get(d.accountId) ?? null) : null;
    const key = `${[...d.products].sort().join('|')}\u0000${segment ?? ''}`;
    if (!chosen.has(key)) chosen.set(key, await selectPlaybook(db, workspaceId, { products: d.products, segment }));
    const playbook = chosen.get(key)!;
    const expectedStart = d.closeDate && d.closeDate > opts.today ? d.closeDate : opts.today;
    const stale = isStale(d.closeDate, opts.today, opts.staleAfterDays);
    const line = {
      dealId: d.dealId,
      name: d.name,
      probability: d.probability,
      probabilityKnown: d.probabilityKnown,
      probabilitySource: d.probabilitySource,
      playbook: playbook?.name ?? null,
      closeDate: d.closeDate,
      stale,
      expectedStart,
    };
    if (!playbook || d.probability <= 0 || (stale && opts.staleDeals === 'exclude')) {
      lines.push({ ...line, counted: false, weightedHours: 0 });
      continue;
    }
    const effort = effortByRole(playbook.definition);
    const durationWeeks = Math.max(1, Math.ceil(typicalDurationDays(playbook.definition) / 5));
    pipeline.push({ dealId: d.dealId, probability: d.probability, expectedStart, effortByRole: effort, durationWeeks });
    const total = Object.values(effort).reduce((s, h) => s + h, 0);
    lines.push({ ...line, counted: true, weightedHours: Math.round(total * d.probability * 10) / 10 });
  }

  const plan = capacityPlan({
    startWeek: opts.today,
    weeks: opts.weeks,
    resources: input.resources,
    holidays: input.holidays,
    projectDemand: forecast.demandByRoleWeek,
    pipeline,
    bufferPct: opts.bufferPct,
  });
  const queue = projects
    .filter((p) => p.status === 'queued')
    .map((p) => ({
      projectId: p.id,
      name: p.name,
      accountName: names.get(p.account_id) ?? null,
      acceptedOn: p.accepted_on,
      signedOn: p.signed_on,
      plannedKickoffOn: p.planned_kickoff_on,
      waitDays: daysBetween(p.signed_on ?? p.accepted_on, opts.today),
      promisedGoLive: p.promised_go_live,
    }))
    .sort((a, b) => b.waitDays - a.waitDays);
  return {
    ...plan,
    startWeek: plan.weeks[0] ?? opts.today,
    bufferPct: opts.bufferPct,
    queue,
    pipeline: lines.sort((a, b) => b.weightedHours - a.weightedHours || Number(a.stale) - Number(b.stale)),
    stale: { treatment: opts.staleDeals, afterDays: opts.staleAfterDays, deals: lines.filter((l) => l.stale).length },
  };
}
