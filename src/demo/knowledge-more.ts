/** The demo knowledge base's later articles (pure data): integrations beyond sign-on, mobile and troubleshooting. */

/** [external id, title, tags, Markdown body] */
export type DemoArticle = readonly [string, string, readonly string[], string];

export const MORE_DEMO_ARTICLES: readonly DemoArticle[] = [
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
