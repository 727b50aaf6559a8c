/** The CSV shapes Baton reads deals from, how to tell them apart, and the deal fields a mapping may target. */

export const IMPORT_FORMATS = [
  'hubspot-export',
  'salesforce',
  'fivetran-hubspot',
  'fivetran-salesforce',
  'mapped',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** The formats `detectFormat` can recognise; `mapped` is always chosen by the user with a mapping. */
export type DetectedFormat = Exclude<ImportFormat, 'mapped'>;

export const DEAL_FIELD_NAMES = [
  'external_id',
  'name',
  'stage',
  'account',
  'account_external_id',
  'amount',
  'currency',
  'close_date',
  'probability',
  'signed_date',
  'created_date',
  'owner',
  'product',
  'pipeline',
  'partner',
  'pricing_model',
  'billing_terms',
  'discount',
  'non_standard_terms',
  'services_amount',
  'is_won',
  'is_closed',
] as const;
export type DealField = (typeof DEAL_FIELD_NAMES)[number];

export interface DealFieldDoc {
  name: DealField;
  required: boolean;
  description: string;
}

/** Baton's documented deal fields, in the order `--help` prints them. */
export const DEAL_FIELDS: readonly DealFieldDoc[] = [
  {
    name: 'external_id',
    required: true,
    description: "the CRM's own id for the deal; re-importing updates the same deal",
  },
  { name: 'name', required: true, description: 'the deal name' },
  {
    name: 'stage',
    required: true,
    description: 'the stage as the CRM names it (label or id); a stage mapping gives it a meaning',
  },
  { name: 'account', required: false, description: "the customer's name as the CRM spells it" },
  { name: 'account_external_id', required: false, description: "the customer's id in the CRM (one id per deal)" },
  {
    name: 'amount',
    required: false,
    description: 'deal value: 1200.50, $1,200.50 or 1.200,50 with a declared decimal comma',
  },
  { name: 'currency', required: false, description: 'ISO 4217 code (USD, EUR …); upper-cased' },
  { name: 'close_date', required: false, description: 'expected or actual close date' },
  {
    name: 'probability',
    required: false,
    description:
      "the CRM's win probability: 40, 40% or 0.4; capacity planning weighs an open deal by it before its stage's",
  },
  { name: 'signed_date', required: false, description: 'date the contract was signed' },
  { name: 'created_date', required: false, description: 'date the deal was created in the CRM' },
  { name: 'owner', required: false, description: 'the deal owner (AE) as the CRM names them, or their CRM id' },
  {
    name: 'product',
    required: false,
    description: 'products sold; several columns may map here, and a cell may list several with ;',
  },
  { name: 'pipeline', required: false, description: 'the CRM pipeline the deal belongs to' },
  { name: 'partner', required: false, description: 'the partner involved in the sale' },
  {
    name: 'pricing_model',
    required: false,
    description: 'per seat, usage, flat, tiered, hybrid or other; other wording is kept, lower-cased',
  },
  {
    name: 'billing_terms',
    required: false,
    description: 'e.g. "Annual upfront, Net 30": frequency, upfront or in arrears, net days',
  },
  {
    name: 'discount',
    required: false,
    description: 'discount off list price in percent: 15 or 15% (0.15 is refused as ambiguous)',
  },
  {
    name: 'non_standard_terms',
    required: false,
    description: 'clause tags separated by ; e.g. custom SLA; MFN; termination for convenience',
  },
  { name: 'services_amount', required: false, description: "professional services sold, in the deal's currency" },
  { name: 'is_won', required: false, description: 'yes/no: the deal is won (with is_closed, sets won / lost / open)' },
  { name: 'is_closed', required: false, description: 'yes/no: the deal is closed, won or lost' },
];

export const REQUIRED_FIELDS: readonly DealField[] = DEAL_FIELDS.filter((f) => f.required).map((f) => f.name);

export const isDealField = (name: string): name is DealField => (DEAL_FIELD_NAMES as readonly string[]).includes(name);

/** Header names that identify each format; every name in one of a format's sets must be present. */
const SIGNATURES: Record<DetectedFormat, readonly (readonly string[])[]> = {
  'hubspot-export': [
    ['record id', 'deal name'],
    ['deal id', 'deal name'],
  ],
  salesforce: [['id', 'name', 'stagename']],
  'fivetran-hubspot': [['deal_id', 'property_dealname']],
  'fivetran-salesforce': [['id', 'name', 'stage_name']],
};

/**
 * Tells the format of a deal CSV from its header names (case and surrounding spaces ignored). Undefined when
 * no format, or more than one, matches: the user then picks a format or gives a mapping.
 */
export function detectFormat(headers: readonly string[]): DetectedFormat | undefined {
  const names = new Set(headers.map((h) => h.trim().toLowerCase()));
  const matches = (Object.keys(SIGNATURES) as DetectedFormat[]).filter((format) =>
    SIGNATURES[format].some((set) => set.every((name) => names.has(name))),
  );
  return matches.length === 1 ? matches[0] : undefined;
}
