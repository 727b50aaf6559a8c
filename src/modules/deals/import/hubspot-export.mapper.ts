import { mapDeal } from './deal-builder.ts';
import type { MappedRow, MapperOptions } from './mapper-types.ts';
import type { FormatProfile } from './profile.ts';

/**
 * HubSpot's UI export of deals ("hubspot-crm-exports-all-deals-….csv"): property labels as headers. Product and
 * partner are custom properties in HubSpot; the common labels are tried, others go in `options.columns`.
 */
export const HUBSPOT_EXPORT_PROFILE: FormatProfile = {
  source: 'hubspot',
  columns: {
    external_id: ['Record ID', 'Deal ID'],
    name: ['Deal Name'],
    stage: ['Deal Stage'],
    pipeline: ['Pipeline'],
    account: ['Associated Company (Primary)', 'Associated Company', 'Company name', 'Company'],
    account_external_id: ['Associated Company IDs (Primary)', 'Associated Company ID', 'Associated Company IDs'],
    amount: ['Amount'],
    currency: ['Currency'],
    close_date: ['Close Date'],
    created_date: ['Create Date'],
    owner: ['Deal owner'],
    product: ['Product', 'Products'],
    partner: ['Partner'],
    probability: ['Deal probability', 'Deal Stage Probability', 'hs_deal_stage_probability'],
  },
  probabilityScale: 'share',
};

/** One exported deal to a deal. The stage category stays null: a stage mapping decides it. */
export function mapHubspotExportRow(
  values: Record<string, string>,
  row: number,
  options: MapperOptions = {},
): MappedRow {
  return mapDeal(values, row, HUBSPOT_EXPORT_PROFILE, options);
}
