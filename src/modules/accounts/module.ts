import { defineModule } from '../../platform/modules/baton-module.ts';
import { accountImporterWithAttributes } from './account-attributes.importer.ts';
import type { AccountAttributesTable } from './account-attributes.table.ts';
import { contactImporter } from './account-import.service.ts';
import { accountNamesOf } from './account-lookup.service.ts';
import { visibleAccountIds, visibleContactIds } from './account.refs.ts';
import { accountRoutes } from './account.routes.ts';
import type { AccountExternalIdTable, ContactExternalIdTable } from './account-import.table.ts';
import type { AccountTable, ContactTable } from './account.table.ts';
import { down as attributesDown, up as attributesUp } from './migrations/2026-12-06T1100-account-attributes.ts';

export const accountsModule = defineModule({
  name: 'accounts',
  purpose: 'Customer accounts and their stakeholders: the records every other module hangs on.',
  tables: ['accounts', 'contacts', 'account_external_ids', 'contact_external_ids', 'account_attributes'],
  routes: accountRoutes,
  importers: [accountImporterWithAttributes, contactImporter],
  migrations: { '2026-12-06T1100-account-attributes': { up: attributesUp, down: attributesDown } },
  references: {
    account: { label: 'account', ids: visibleAccountIds },
    contact: { label: 'contact', ids: visibleContactIds },
  },
  auditNames: { account: accountNamesOf },
  nav: { path: '/accounts', label: 'Accounts' },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    accounts: AccountTable;
    contacts: ContactTable;
    account_external_ids: AccountExternalIdTable;
    contact_external_ids: ContactExternalIdTable;
    account_attributes: AccountAttributesTable;
  }
}

declare module '../../platform/http/references.ts' {
  interface ReferenceKinds {
    account: 'account';
    contact: 'contact';
  }
}
