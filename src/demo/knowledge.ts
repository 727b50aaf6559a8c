/**
 * The demo vendor's knowledge base (pure data): help articles for its product (Platform, Analytics, Workflow
 * Automation, Integrations Hub, Mobile), tagged. `bench/retrieval` asks questions of these articles, so an article's
 * id and meaning stay put once written.
 */

/** [external id, title, tags, Markdown body] */
export type DemoArticle = readonly [string, string, readonly string[], string];

export const DEMO_ARTICLES: readonly DemoArticle[] = [
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
  [
    'sap-integration',
    'Integrate SAP S/4HANA orders',
    ['product:integrations hub', 'integration:sap'],
    'Orders and invoices are read through SAP’s OData APIs via the cloud connector. Your SAP basis team ' +
      'exposes the services and a technical user; we provide the field mapping template.',
  ],
  [
    'slack-integration',
    'Get notifications in Slack',
    ['product:integrations hub', 'integration:slack', 'notifications'],
    'Connect Slack from **Integrations → Slack**, pick a channel for each workflow or alert, and mention ' +
      'people by their Slack handle. Private channels need the app invited first with `/invite`.',
  ],
  [
    'teams-integration',
    'Get notifications in Microsoft Teams',
    ['product:integrations hub', 'integration:teams', 'notifications'],
    'Add the app from the Teams store, then choose a team and channel for each notification rule. ' +
      'Adaptive cards let people approve or reject straight from Teams.',
  ],
  [
    'email-notifications',
    'Choose which email notifications you get',
    ['product:platform', 'notifications'],
    'Each person sets their own notifications under **Profile → Notifications**: instant, a daily digest, ' +
      'or off, per kind of event. Admins can set the defaults for new members. Check the spam folder if ' +
      'nothing arrives.',
  ],
  [
    'api-keys',
    'Create and rotate API keys',
    ['product:platform', 'api', 'security'],
    'Admins create API keys under **Settings → API**; the key is shown once, so store it in a secrets ' +
      'manager. Give each integration its own key, rotate keys every 90 days, and revoke a leaked key at ' +
      'once.',
  ],
  [
    'api-rate-limits',
    'API rate limits and pagination',
    ['product:platform', 'api'],
    'The REST API allows 100 requests per second per workspace. Over the limit you get HTTP 429 with a ' +
      '`Retry-After` header: wait and retry. Lists are paged with a cursor; follow `nextCursor` until it is ' +
      'null.',
  ],
  [
    'api-authentication',
    'Authenticate to the REST API',
    ['product:platform', 'api'],
    'Send the key as `Authorization: Bearer <key>`. A 401 means the key is missing, revoked or from ' +
      'another workspace; a 403 means its scope does not allow the call. OAuth 2.0 client credentials are ' +
      'available for partners.',
  ],
  [
    'webhooks-setup',
    'Send events to your systems with webhooks',
    ['product:integrations hub', 'webhooks', 'api'],
    'Add an endpoint under **Settings → Webhooks** and pick the events (record created, updated, workflow ' +
      'finished). Each delivery is a JSON POST; failed deliveries are retried with backoff for 24 hours.',
  ],
  [
    'webhooks-signature',
    'Verify webhook signatures',
    ['product:integrations hub', 'webhooks', 'security'],
    'Each delivery carries an `X-Signature` header: the HMAC-SHA256 of the raw body with your endpoint ' +
      'secret. Compute it over the raw bytes, not re-serialised JSON, and compare in constant time. Reject ' +
      'timestamps older than five minutes.',
  ],
  [
    'dashboards-create',
    'Build a dashboard',
    ['product:analytics', 'dashboards'],
    'In Analytics choose **New dashboard**, add charts from saved reports, and drag them into place. ' +
      'Filters at the top apply to every chart. Share a dashboard with people or teams, as view-only or ' +
      'editable.',
  ],
  [
    'dashboards-share',
    'Share dashboards with people outside the company',
    ['product:analytics', 'dashboards', 'security'],
    'A public link shows a read-only snapshot without signing in; it can be protected by a password and ' +
      'an expiry date. Admins can turn public links off for the whole workspace.',
  ],
  [
    'scheduled-reports',
    'Email a report on a schedule',
    ['product:analytics', 'reports', 'notifications'],
    'Open a report, choose **Schedule**, pick daily, weekly or monthly and the recipients. The report ' +
      'arrives as a PDF or CSV attachment. Recipients outside the workspace receive it only if admins allow ' +
      'external sharing.',
  ],
  [
    'report-numbers-mismatch',
    'Why report numbers differ from the source system',
    ['product:analytics', 'reports', 'troubleshooting'],
    'Totals differ when the report’s time zone or fiscal year differs from the source, when filters ' +
      'exclude archived records, or when the last sync has not finished. Check the data freshness note ' +
      'under each chart.',
  ],
  [
    'analytics-warehouse',
    'Send data to Snowflake or BigQuery',
    ['product:analytics', 'integration:snowflake', 'data export'],
    'The warehouse connector writes every object as a table into Snowflake or BigQuery once an hour. ' +
      'Create a service user with write access to one schema; column names follow the field API names.',
  ],
  [
    'workflow-basics',
    'Automate a process with a workflow',
    ['product:workflow automation', 'workflows'],
    'A workflow starts from a trigger (a record created, a field changed, a date reached) and runs steps: ' +
      'update fields, create tasks, send an email or call a webhook. Test it on one record before turning ' +
      'it on.',
  ],
  [
    'approvals',
    'Set up approval steps',
    ['product:workflow automation', 'workflows', 'approvals'],
    'Add an **Approval** step to a workflow and choose approvers by role, by a field (the record owner’s ' +
      'manager) or by name. Approvers answer in the app, by email or in Teams; reminders go out after 24 ' +
      'hours.',
  ],
  [
    'workflow-failures',
    'A workflow did not run or failed',
    ['product:workflow automation', 'workflows', 'troubleshooting'],
    'Open the workflow’s **Run history**: each run shows the step that failed and why. Common causes are ' +
      'a condition that never matched, a deactivated user as approver, or a webhook endpoint that answered ' +
      'an error.',
  ],
  [
    'sla-rules',
    'Track SLAs with due dates and escalations',
    ['product:workflow automation', 'workflows'],
    'Give a record type an SLA in hours, counted in business hours from the workspace calendar. Records ' +
      'close to breaching turn amber; a breach can escalate to a manager through a workflow.',
  ],
  [
    'mobile-app',
    'Use the mobile app offline',
    ['product:mobile'],
    'The iOS and Android apps keep the records you opened recently for offline use; changes made offline ' +
      'are synced when the device is back online. Conflicts keep the newest change and note the other.',
  ],
  [
    'mobile-login',
    'Sign in to the mobile app with SSO',
    ['product:mobile', 'sso', 'troubleshooting'],
    'Enter your work email and the app opens your identity provider. If it loops back to the sign-in ' +
      'screen, update the app and make sure the IdP allows the mobile redirect URI.',
  ],
  [
    'billing-invoices',
    'Download invoices and update billing details',
    ['billing'],
    'Owners find every invoice as a PDF under **Settings → Billing**, and change the billing address, VAT ' +
      'number and invoice email there. Invoices are issued on the first day of each billing period.',
  ],
  [
    'billing-payment',
    'Change the payment method or pay by bank transfer',
    ['billing'],
    'Cards are changed in **Settings → Billing → Payment method**. Annual plans over 10,000 EUR can pay ' +
      'by bank transfer against an invoice with 30-day terms; ask your account manager.',
  ],
  [
    'billing-seats',
    'How seats are counted and billed',
    ['billing', 'user management'],
    'You pay for active members. Adding members mid-term is prorated on the next invoice; removing them ' +
      'lowers the count at renewal. Viewers are free on Business and Enterprise plans.',
  ],
  [
    'plan-upgrade',
    'Upgrade, downgrade or cancel a plan',
    ['billing'],
    'Upgrades apply at once and are prorated. Downgrades and cancellations take effect at the end of the ' +
      'term; features above the new plan become read-only and data is kept for 90 days.',
  ],
  [
    'sandbox',
    'Test changes in a sandbox workspace',
    ['product:platform', 'implementation'],
    'Enterprise plans include a sandbox: a copy of your workspace’s configuration (and optionally its ' +
      'data) for testing workflows and integrations. Changes are promoted to production with a change set.',
  ],
  [
    'go-live-checklist',
    'Go-live checklist',
    ['playbook:implementation', 'implementation'],
    'Before go-live: SSO tested with real users, data migration reconciled against the source, ' +
      'integrations switched from sandbox to production, workflows turned on, admins trained and a ' +
      'hypercare channel open for two weeks.',
  ],
  [
    'data-migration',
    'Plan a data migration from your old system',
    ['playbook:implementation', 'data import', 'implementation'],
    'Export the old system’s records with their IDs, clean duplicates, load into the sandbox first, ' +
      'reconcile counts and totals, then repeat in production during a freeze. Keep the old IDs as external ' +
      'IDs so later imports update instead of duplicating.',
  ],
  [
    'admin-training',
    'Train admins and end users',
    ['playbook:implementation', 'training'],
    'The academy has role-based courses: admins (six hours), editors (three hours) and end users (one ' +
      'hour). Live training sessions can be booked through your customer success manager.',
  ],
  [
    'status-page',
    'Check service status and incidents',
    ['troubleshooting', 'support'],
    'status.example.com shows live availability per region and past incidents. Subscribe to get an email ' +
      'or SMS when an incident starts and ends.',
  ],
  [
    'contact-support',
    'Contact support and severity levels',
    ['support'],
    'Open a ticket from **Help → Contact support** or email support. Severity 1 (production down) is ' +
      'answered within one hour around the clock on Enterprise plans; include the workspace URL and a ' +
      'screenshot.',
  ],
  [
    'performance-slow',
    'The app is slow: what to check',
    ['product:platform', 'troubleshooting'],
    'Slowness is usually local: try another browser or a private window, disable extensions, and check ' +
      'the network. Large list views load faster with fewer columns and a saved filter. If the status page ' +
      'shows an incident, wait for its update.',
  ],
];
