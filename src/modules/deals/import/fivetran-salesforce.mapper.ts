import { mapDeal } from './deal-builder.ts';
import type { MappedRow, MapperOptions } from './mapper-types.ts';
import type { DeletionFlag } from '../../../platform/imports/profile.ts';
import type { FormatProfile } from './profile.ts';

/** Fivetran's markers of rows gone from the source or replaced by a newer version (history mode). */
export const FIVETRAN_DELETION: readonly DeletionFlag[] = [
  { column: '_fivetran_deleted', deletedWhen: true, reason: 'deleted in the source (_fivetran_deleted is true)' },
  {
    column: '_fivetran_active',
    deletedWhen: false,
    reason: 'a superseded version of the record (_fivetran_active is false)',
  },
];

/** Salesforce `opportunity` as Fivetran lands it in a warehouse: snake_case API names. */
export const FIVETRAN_SALESFORCE_PROFILE: FormatProfile = {
  source: 'salesforce',
  columns: {
    external_id: ['id'],
    name: ['name'],
    stage: ['stage_name'],
    account_external_id: ['account_id'],
    amount: ['amount'],
    currency: ['currency_iso_code'],
    close_date: ['close_date'],
    created_date: ['created_date'],
    owner: ['owner_id'],
    is_won: ['is_won'],
    is_closed: ['is_closed'],
    probability: ['probability'],
  },
  probabilityScale: 'percent',
  deletion: [
    { column: 'is_deleted', deletedWhen: true, reason: 'deleted in Salesforce (is_deleted is true)' },
    ...FIVETRAN_DELETION,
  ],
};

/** One warehouse opportunity row to a deal; the stage category comes from `is_won`/`is_closed`. */
export function mapFivetranSalesforceRow(
  values: Record<string, string>,
  row: number,
  options: MapperOptions = {},
): MappedRow {
  return mapDeal(values, row, FIVETRAN_SALESFORCE_PROFILE, options);
}
