import { mapDeal } from './deal-builder.ts';
import type { MappedRow, MapperOptions } from './mapper-types.ts';
import type { FormatProfile } from './profile.ts';

/**
 * Salesforce Opportunity exports with API field names (Data Loader, Workbench, `sf data export`, and the same
 * file after a round trip through Excel). `Product__c`-style custom fields are not guessed: name them in
 * `options.columns`.
 */
export const SALESFORCE_PROFILE: FormatProfile = {
  source: 'salesforce',
  columns: {
    external_id: ['Id'],
    name: ['Name'],
    stage: ['StageName'],
    account: ['Account.Name', 'AccountName', 'Account Name'],
    account_external_id: ['AccountId'],
    amount: ['Amount'],
    currency: ['CurrencyIsoCode'],
    close_date: ['CloseDate'],
    created_date: ['CreatedDate'],
    owner: ['Owner.Name', 'OwnerId'],
    is_won: ['IsWon'],
    is_closed: ['IsClosed'],
    probability: ['Probability'],
  },
  probabilityScale: 'percent',
  deletion: [{ column: 'IsDeleted', deletedWhen: true, reason: 'deleted in Salesforce (IsDeleted is true)' }],
};

/**
 * One Opportunity row to a deal. The stage category comes from `IsWon`/`IsClosed`. Excel-reshaped files
 * write `MM/DD/YY`: pass `options.dateOrder` (`mdy`), or their dates are errors that say so.
 */
export function mapSalesforceRow(values: Record<string, string>, row: number, options: MapperOptions = {}): MappedRow {
  return mapDeal(values, row, SALESFORCE_PROFILE, options);
}
