/**
 * The demo vendor's knowledge base (pure data): help articles for its product (Platform, Analytics, Workflow
 * Automation, Integrations Hub, Mobile), tagged. `bench/retrieval` asks questions of these articles, so an article's
 * id and meaning stay put once written.
 */

import { type DemoArticle, MORE_DEMO_ARTICLES } from './knowledge-more.ts';

export type { DemoArticle };

const FIRST_ARTICLES: readonly DemoArticle[] = [
  [
    'sso-okta',
    'Set up single sign-on with Okta',
    ['product:platform', 'integration:okta', 'sso'],
    'Create a SAML 2.0 app in Okta, set the ACS URL to your workspace’s `/sso/acs` address and the entity ' +
      'ID to its metadata URL. Paste Okta’s metadata URL under **Settings → Security → Single sign-on** and ' +
      'test with one user before you enforce it.',
  ],
  [
    'sso-entra',
    'Set up single sign-on with Microsoft Entra ID',
    ['product:platform', 'integration:entra-id', 'sso'],
    'In the Entra admin centre add an Enterprise application (non-gallery), choose SAML, and copy the App ' +
      'Federation Metadata URL into **Settings → Security → Single sign-on**. Assign the users or groups ' +
      'that may sign in; Azure AD and Entra ID are the same service.',
  ],
  [
    'sso-certificate-rotation',
    'Rotate the SAML signing certificate',
    ['product:platform', 'sso', 'security'],
    'Identity providers renew their signing certificate every one to three years. Upload the new ' +
      'certificate (or refresh the metadata URL) before the old one expires; both are accepted for 14 days ' +
      'so nobody is locked out during the switch.',
  ],
  [
    'sso-troubleshooting',
    'Troubleshoot SSO login errors',
    ['product:platform', 'sso', 'troubleshooting'],
    'An *invalid signature* error means the certificate changed on the identity provider side: refresh ' +
      'the metadata. *User not assigned* means the person is not assigned to the app in the IdP. A redirect ' +
      'loop usually comes from a clock skew over five minutes or a wrong ACS URL.',
  ],
  [
    'sso-enforce',
    'Require SSO for everyone and keep a break-glass admin',
    ['product:platform', 'sso', 'security'],
    'Once single sign-on works, turn on **Require SSO** so passwords stop working. Keep one admin account ' +
      'with a password and MFA as a break-glass account in case the identity provider is down.',
  ],
  [
    'scim-provisioning',
    'Provision users automatically with SCIM',
    ['product:platform', 'scim', 'user management'],
    'Generate a SCIM token under **Settings → Security → Provisioning** and paste it with the SCIM base ' +
      'URL in Okta or Entra ID. New hires get an account, leavers are deactivated within minutes, and group ' +
      'membership maps to roles.',
  ],
  [
    'scim-troubleshooting',
    'SCIM sync errors and duplicate users',
    ['product:platform', 'scim', 'troubleshooting'],
    'Duplicates appear when a user existed before provisioning with another email. Match them by email ' +
      'once, then let SCIM own them. A 401 from the SCIM endpoint means the token was revoked or expired: ' +
      'generate a new one.',
  ],
  [
    'mfa',
    'Turn on two-factor authentication (MFA)',
    ['product:platform', 'security'],
    'Admins can require an authenticator app for every member under **Settings → Security**. People enrol ' +
      'at their next sign-in; recovery codes are shown once. SSO users follow the identity provider’s MFA ' +
      'instead.',
  ],
  [
    'roles-permissions',
    'Roles and permissions explained',
    ['product:platform', 'user management', 'permissions'],
    'There are five roles: **Owner**, **Admin**, **Editor**, **Contributor** and **Viewer**. Editors ' +
      'change workflows and dashboards, Contributors work records, Viewers only read. Only Owners manage ' +
      'billing.',
  ],
  [
    'custom-roles',
    'Create a custom role',
    ['product:platform', 'permissions'],
    'On Enterprise plans, copy a built-in role under **Settings → Roles**, then switch individual ' +
      'permissions on or off, such as exporting data or deleting records. Assign it to people or to SCIM ' +
      'groups.',
  ],
  [
    'invite-users',
    'Invite colleagues and manage seats',
    ['product:platform', 'user management', 'billing'],
    'Invite people from **Settings → Members** by email; an invitation is valid for seven days. Each ' +
      'active member uses a seat; deactivated members free their seat at once but keep their history.',
  ],
  [
    'deactivate-user',
    'Offboard a user who left the company',
    ['product:platform', 'user management', 'security'],
    'Deactivate the member in **Settings → Members** (or let SCIM do it). Their records stay, ownership ' +
      'can be transferred to a colleague in one step, and their API keys stop working immediately.',
  ],
  [
    'password-reset',
    'Reset a password or unlock an account',
    ['product:platform', 'user management', 'troubleshooting'],
    'Use **Forgot password** on the sign-in page; the link lasts one hour. After ten wrong attempts an ' +
      'account is locked for 15 minutes. Admins can send a reset link from the member list.',
  ],
  [
    'audit-log',
    'Find who changed what in the audit log',
    ['product:platform', 'security', 'compliance'],
    'Every change to records, settings and permissions is kept in the audit log for two years with the ' +
      'person, time and before/after values. Filter by person or record and export it as CSV for auditors.',
  ],
  [
    'data-residency',
    'Data residency: EU and US hosting',
    ['product:platform', 'compliance', 'security'],
    'Workspaces are hosted in Frankfurt (EU) or Virginia (US), chosen when the workspace is created. ' +
      'Backups stay in the same region. Moving a workspace between regions is done by our support team in a ' +
      'maintenance window.',
  ],
  [
    'gdpr-dpa',
    'GDPR and the data processing agreement',
    ['product:platform', 'compliance'],
    'Our DPA with the standard contractual clauses is signed online from **Settings → Legal**. The ' +
      'sub-processor list is public and you are told 30 days before a new one is added. Personal data can ' +
      'be erased per person on request.',
  ],
  [
    'soc2-report',
    'Get the SOC 2 Type II report and security documents',
    ['compliance', 'security'],
    'The SOC 2 Type II report, the latest penetration test summary and the security questionnaire (CAIQ) ' +
      'are in the Trust Center. Sign the NDA there to download them.',
  ],
  [
    'csv-import',
    'Import records from a CSV or Excel file',
    ['product:platform', 'data import'],
    'Open **Data → Import**, choose a CSV or XLSX file up to 50 MB, and map each column to a field. Rows ' +
      'with the same external ID update the existing record instead of creating a duplicate. Bad rows are ' +
      'listed with the reason and can be downloaded.',
  ],
  [
    'import-errors',
    'Fix rows rejected by an import',
    ['product:platform', 'data import', 'troubleshooting'],
    'The import report lists every rejected row with its column and reason: a date in the wrong format, ' +
      'an unknown picklist value, a required field left empty. Correct the file and import it again; rows ' +
      'already imported are not duplicated.',
  ],
  [
    'date-formats',
    'Date and number formats in imports',
    ['product:platform', 'data import'],
    'Dates are read as ISO (2026-03-31), or as day/month/year or month/day/year when you choose the ' +
      'order. Decimal commas are accepted when the import is told so. Time zones default to the ' +
      'workspace’s.',
  ],
  [
    'bulk-update',
    'Bulk edit or delete many records at once',
    ['product:platform', 'data import'],
    'Select records in a list view (or all that match a filter) and choose **Edit** to set one field on ' +
      'all of them, or **Delete**. Bulk deletes go to the trash for 30 days and can be restored.',
  ],
  [
    'data-export',
    'Export your data',
    ['product:platform', 'data import', 'compliance'],
    'Admins export any list view to CSV or XLSX, or the whole workspace as a ZIP of CSV files from ' +
      '**Settings → Data export**. Large exports are emailed as a download link valid for 24 hours.',
  ],
  [
    'salesforce-connect',
    'Connect Salesforce',
    ['product:integrations hub', 'integration:salesforce'],
    'In **Integrations → Salesforce** sign in with a Salesforce user that has API access (Enterprise ' +
      'edition or above). Choose the objects to sync (Accounts, Contacts, Opportunities) and the direction. ' +
      'The first sync can take an hour for large orgs.',
  ],
  [
    'salesforce-sync-errors',
    'Salesforce sync errors and how to fix them',
    ['product:integrations hub', 'integration:salesforce', 'troubleshooting'],
    'The sync stops when the integration user loses a permission, its password expires, or the API ' +
      'request limit of the org is used up. Reconnect with a dedicated integration user whose password ' +
      'never expires, and check the daily API limit under Salesforce Setup.',
  ],
  [
    'salesforce-field-mapping',
    'Map Salesforce fields and custom objects',
    ['product:integrations hub', 'integration:salesforce'],
    'Field mapping shows each Salesforce field next to ours; custom fields (ending in `__c`) and custom ' +
      'objects can be added. Picklist values are matched by label. Changing a mapping applies from the next ' +
      'sync.',
  ],
  [
    'hubspot-connect',
    'Connect HubSpot',
    ['product:integrations hub', 'integration:hubspot'],
    'In **Integrations → HubSpot** authorise the app with a HubSpot super admin. Companies, contacts and ' +
      'deals sync every 15 minutes; deal pipelines and stages are read so won and lost deals are ' +
      'recognised.',
  ],
  [
    'hubspot-sync-issues',
    'HubSpot records missing or not syncing',
    ['product:integrations hub', 'integration:hubspot', 'troubleshooting'],
    'Records are skipped when their company has no domain, when they are in a pipeline excluded from the ' +
      'sync, or when the HubSpot app was uninstalled. Re-authorise the app and run **Sync now**; the sync ' +
      'log names every skipped record.',
  ],
  [
    'netsuite-integration',
    'Integrate NetSuite invoices and payments',
    ['product:integrations hub', 'integration:netsuite'],
    'The NetSuite connector uses token-based authentication: create an integration record and an access ' +
      'token for a role with the invoice and payment permissions, then paste the four keys. Invoices sync ' +
      'hourly.',
  ],
];

/** Every article, in the order their ids were first written. */
export const DEMO_ARTICLES: readonly DemoArticle[] = [...FIRST_ARTICLES, ...MORE_DEMO_ARTICLES];
