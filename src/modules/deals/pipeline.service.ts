/**
 * The open pipeline as delivery plans for it: open deals with their win probability — the CRM's own for the deal
 * when an import gave one, else the one its stage carries — so staffing is known before a deal closes.
 */
import type { Db } from '../../platform/db/database.ts';
import { loadStageMap } from './deal.service.ts';

/** The chance given to an open stage nobody put a probability on. */
export const UNKNOWN_STAGE_PROBABILITY = 0.25;

export interface OpenDeal {
  dealId: string;
  name: string;
  accountId: string | null;
  products: string[];
  closeDate: string | null;
  /** 0..1 */
  probability: number;
  probabilityKnown: boolean;
  /** Where the probability comes from: the CRM's own for the deal, its stage's mapping, or the default for an unknown stage. */
  probabilitySource: 'deal' | 'stage' | 'default';
  servicesSold: number | null;
}

export async function openPipeline(db: Db, workspaceId: string): Promise<OpenDeal[]> {
  const [rows, stages] = await Promise.all([
    db
      .selectFrom('deals')
      .select([
        'id',
        'name',
        'account_id',
        'products',
        'close_date',
        'source',
        'pipeline',
        'stage',
        'services_sold',
        'probability',
      ])
      .where('workspace_id', '=', workspaceId)
      .where('stage_category', '=', 'open')
      .execute(),
    loadStageMap(db, workspaceId),
  ]);
  return rows.map((r) => {
    const stagePct = stages.find({ source: r.source as never, pipeline: r.pipeline, stage: r.stage })?.probability;
    const pct = r.probability ?? stagePct;
    return {
      dealId: r.id,
      name: r.name,
      accountId: r.account_id,
      products: JSON.parse(r.products) as string[],
      closeDate: r.close_date,
      probability: pct === null || pct === undefined ? UNKNOWN_STAGE_PROBABILITY : pct / 100,
      probabilityKnown: pct !== null && pct !== undefined,
      probabilitySource:
        r.probability !== null ? 'deal' : stagePct !== null && stagePct !== undefined ? 'stage' : 'default',
      servicesSold: r.services_sold,
    };
  });
}
