import { mapDeal } from './deal-builder.ts';
import { FIVETRAN_DELETION } from './fivetran-salesforce.mapper.ts';
import type { MappedRow, MapperOptions } from './mapper-types.ts';
import type { FormatProfile } from './profile.ts';

/**
 * HubSpot `deal` as Fivetran lands it: `property_*` columns, and stage and pipeline as ids that
 * `deal_pipeline_stage` and `deal_pipeline` explain (see `hubspot-stages.ts`). Companies are a separate table.
 */
export const FIVETRAN_HUBSPOT_PROFILE: FormatProfile = {
  source: 'hubspot',
  columns: {
    external_id: ['deal_id'],
    name: ['property_dealname'],
    stage: ['deal_pipeline_stage_id', 'property_dealstage'],
    pipeline: ['deal_pipeline_id', 'property_pipeline'],
    amount: ['property_amount'],
    currency: ['property_deal_currency_code'],
    close_date: ['property_closedate'],
    created_date: ['property_createdate'],
    owner: ['owner_id', 'property_hubspot_owner_id'],
    probability: ['property_hs_deal_stage_probability'],
  },
  probabilityScale: 'share',
  deletion: [
    { column: 'is_deleted', deletedWhen: true, reason: 'deleted in HubSpot (is_deleted is true)' },
    ...FIVETRAN_DELETION,
  ],
};

/** One warehouse deal row to a deal. The stage category stays null: the stage table decides it. */
export function mapFivetranHubspotRow(
  values: Record<string, string>,
  row: number,
  options: MapperOptions = {},
): MappedRow {
  return mapDeal(values, row, FIVETRAN_HUBSPOT_PROFILE, options);
}
