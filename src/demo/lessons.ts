/**
 * What the demo's delivered projects taught: lessons and configuration decisions a delivery lead files at a milestone
 * done or at the close. Taken in turn, so each project gets different ones.
 */
export const DEMO_MILESTONE_LESSONS: ReadonlyArray<['lesson' | 'decision', string]> = [
  [
    'lesson',
    'Ask for the SAML metadata in the kickoff call, not after it.\nThe customer’s IT needed eleven days to send it ' +
      'and single sign-on held up every user invitation.',
  ],
  [
    'decision',
    'Salesforce syncs one way (Salesforce to us) during hypercare.\nTwo-way sync overwrote owner changes made in ' +
      'the first week; we turn it on once the field mapping is signed off.',
  ],
  [
    'lesson',
    'Book the admin training before the data import, not after.\nAdmins who had seen the import screens fixed ' +
      'their own CSV errors instead of sending them to us.',
  ],
  [
    'decision',
    'Deal stages map to four lifecycle stages, not seven.\nThe customer’s sales team used “Negotiation” and ' +
      '“Contract sent” interchangeably; merging them kept the reports honest.',
  ],
  [
    'lesson',
    'Run a test import of 200 rows before the full file.\nThe date column came in US format and the first full ' +
      'run had to be rolled back.',
  ],
  [
    'decision',
    'Custom fields are created by the customer’s admin, not by us.\nIt keeps the admin owning the data model ' +
      'after we hand over.',
  ],
];

export const DEMO_CLOSE_LESSONS: ReadonlyArray<['lesson' | 'decision', string]> = [
  [
    'lesson',
    'Name the customer’s day-to-day owner before go-live.\nThe sponsor left after launch and nobody answered ' +
      'the hypercare check-ins for two weeks.',
  ],
  [
    'lesson',
    'Agree the success measure at kickoff and show it at the close.\nThe renewal conversation started from the ' +
      'numbers instead of from opinions.',
  ],
];
