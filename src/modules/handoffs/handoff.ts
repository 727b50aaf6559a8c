/**
 * The handoff brief: what the sale learned, handed to delivery in a structured form (DESIGN §3), with
 * a completeness score and a review (draft → submitted → accepted | returned). Pure types and rules.
 */
import { z } from 'zod';
import type { Segment } from '../accounts/account.ts';

export const BRIEF_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type BriefState = (typeof BRIEF_STATES)[number];

const text = (max: number) => z.string().trim().max(max);
const isoDateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a real date');

/** The brief's structured fields. Every field may be empty in a draft; the score says what is missing. */
export const briefContentSchema = z.object({
  painPoints: z.array(text(500).min(1)).max(30).default([]),
  goals: z
    .array(z.object({ goal: text(500).min(1), successCriterion: text(500).default('') }))
    .max(30)
    .default([]),
  technicalEnvironment: text(4000).default(''),
  integrations: z
    .array(z.object({ system: text(200).min(1), purpose: text(1000).default('') }))
    .max(50)
    .default([]),
  securityCompliance: z.array(text(500).min(1)).max(30).default([]),
  stakeholders: z
    .array(z.object({ name: text(200).min(1), role: text(100).min(1), email: text(254).nullable().default(null) }))
    .max(50)
    .default([]),
  promisedGoLive: isoDateText.nullable().default(null),
  timeline: text(4000).default(''),
  customerResponsibilities: z.array(text(500).min(1)).max(50).default([]),
  risks: z
    .array(z.object({ risk: text(500).min(1), mitigation: text(1000).default('') }))
    .max(50)
    .default([]),
  partnerSwimLanes: z
    .array(z.object({ partner: text(200).min(1), responsibilities: text(2000).min(1) }))
    .max(20)
    .default([]),
});
export type BriefContent = z.infer<typeof briefContentSchema>;

export const EMPTY_BRIEF: BriefContent = briefContentSchema.parse({});

export const BRIEF_FIELDS = [
  'painPoints',
  'goals',
  'technicalEnvironment',
  'integrations',
  'securityCompliance',
  'stakeholders',
  'promisedGoLive',
  'timeline',
  'customerResponsibilities',
  'risks',
  'partnerSwimLanes',
] as const satisfies ReadonlyArray<keyof BriefContent>;
export type BriefField = (typeof BRIEF_FIELDS)[number];

export const BRIEF_FIELD_LABELS: Record<BriefField, string> = {
  painPoints: 'Pain points',
  goals: 'Goals and success criteria',
  technicalEnvironment: 'Technical environment',
  integrations: 'Integrations',
  securityCompliance: 'Security and compliance',
  stakeholders: 'Stakeholders',
  promisedGoLive: 'Promised go-live',
  timeline: 'Timeline',
  customerResponsibilities: 'Customer responsibilities',
  risks: 'Risks',
  partnerSwimLanes: 'Partner swim lanes',
};

/** Weights and required fields for one segment. Weights are relative; the score is a percentage. */
export const completenessRuleSchema = z.object({
  weights: z.partialRecord(z.enum(BRIEF_FIELDS), z.number().min(0).max(100)),
  required: z.array(z.enum(BRIEF_FIELDS)).max(BRIEF_FIELDS.length),
});
export type CompletenessRule = z.infer<typeof completenessRuleSchema>;

export const completenessConfigSchema = z.object({
  /** A brief submitted below this score raises a stage-1 signal (DESIGN §4: 80 %). */
  threshold: z.number().int().min(0).max(100),
  default: completenessRuleSchema,
  segments: z.partialRecord(z.enum(['enterprise', 'mid_market', 'smb']), completenessRuleSchema),
});
export type CompletenessConfig = z.infer<typeof completenessConfigSchema>;

const BASE_WEIGHTS: CompletenessRule['weights'] = {
  goals: 20,
  stakeholders: 15,
  painPoints: 10,
  promisedGoLive: 10,
  technicalEnvironment: 10,
  integrations: 10,
  customerResponsibilities: 8,
  risks: 7,
  securityCompliance: 5,
  timeline: 5,
  partnerSwimLanes: 10,
};

export const DEFAULT_COMPLETENESS: CompletenessConfig = {
  threshold: 80,
  default: { weights: BASE_WEIGHTS, required: ['goals', 'stakeholders', 'promisedGoLive'] },
  segments: {
    // Enterprise deals live or die on security reviews and integrations.
    enterprise: {
      weights: { ...BASE_WEIGHTS, securityCompliance: 12, integrations: 14, risks: 10 },
      required: ['goals', 'stakeholders', 'promisedGoLive', 'securityCompliance', 'integrations'],
    },
    smb: {
      weights: { ...BASE_WEIGHTS, technicalEnvironment: 5, securityCompliance: 2, risks: 4 },
      required: ['goals', 'promisedGoLive'],
    },
  },
};

export type FieldStatus = 'filled' | 'partial' | 'empty';

/** A success criterion is measurable when it names a number: a percentage, a count, a duration, a date. */
export const isMeasurable = (criterion: string): boolean => /\d/.test(criterion);

/** How well one field is filled, and what would complete it. */
export function fieldStatus(content: BriefContent, field: BriefField): { status: FieldStatus; hint: string | null } {
  switch (field) {
    case 'goals': {
      if (content.goals.length === 0) return { status: 'empty', hint: 'add the customer’s goals' };
      const unmeasured = content.goals.filter((g) => !isMeasurable(g.successCriterion)).length;
      return unmeasured === 0
        ? { status: 'filled', hint: null }
        : {
            status: 'partial',
            hint: `${unmeasured} goal${unmeasured > 1 ? 's have' : ' has'} no measurable success criterion (a number, a percentage, a date)`,
          };
    }
    case 'stakeholders': {
      if (content.stakeholders.length === 0) return { status: 'empty', hint: 'name the people on the customer’s side' };
      const sponsor = content.stakeholders.some((s) => /sponsor/i.test(s.role));
      return sponsor ? { status: 'filled', hint: null } : { status: 'partial', hint: 'no executive sponsor named' };
    }
    case 'risks': {
      if (content.risks.length === 0) return { status: 'empty', hint: 'list what could delay or derail the project' };
      const unmitigated = content.risks.filter((r) => r.mitigation === '').length;
      return unmitigated === 0
        ? { status: 'filled', hint: null }
        : { status: 'partial', hint: `${unmitigated} risk${unmitigated > 1 ? 's' : ''} without a mitigation` };
    }
    case 'promisedGoLive':
      return content.promisedGoLive
        ? { status: 'filled', hint: null }
        : { status: 'empty', hint: 'the go-live date promised to the customer' };
    case 'technicalEnvironment':
    case 'timeline':
      return content[field].length >= 20
        ? { status: 'filled', hint: null }
        : content[field].length > 0
          ? { status: 'partial', hint: 'say more' }
          : { status: 'empty', hint: null };
    default:
      return content[field].length > 0 ? { status: 'filled', hint: null } : { status: 'empty', hint: null };
  }
}

export interface FieldScore {
  field: BriefField;
  label: string;
  weight: number;
  required: boolean;
  status: FieldStatus;
  hint: string | null;
}

export interface BriefScore {
  /** 0–100. */
  completeness: number;
  threshold: number;
  fields: FieldScore[];
  /** Required fields still empty: the brief cannot be submitted until each says something. */
  missingRequired: BriefField[];
}

/**
 * The completeness score: the weighted share of fields filled (a partly filled field counts half), by the
 * segment's rule. Partner swim lanes count only when a partner is on the deal. Pure.
 */
export function scoreBrief(
  content: BriefContent,
  config: CompletenessConfig,
  segment: Segment | null,
  hasPartner: boolean,
): BriefScore {
  const rule = (segment && config.segments[segment]) || config.default;
  const fields: FieldScore[] = [];
  let total = 0;
  let earned = 0;
  for (const field of BRIEF_FIELDS) {
    if (field === 'partnerSwimLanes' && !hasPartner) continue;
    const weight = rule.weights[field] ?? 0;
    const required = rule.required.includes(field) || (field === 'partnerSwimLanes' && hasPartner);
    const { status, hint } = fieldStatus(content, field);
    total += weight;
    earned += status === 'filled' ? weight : status === 'partial' ? weight / 2 : 0;
    fields.push({ field, label: BRIEF_FIELD_LABELS[field], weight, required, status, hint });
  }
  return {
    completeness: total === 0 ? 100 : Math.round((earned / total) * 100),
    threshold: config.threshold,
    fields,
    missingRequired: fields.filter((f) => f.required && f.status === 'empty').map((f) => f.field),
  };
}

export type BriefAction = 'edit' | 'submit' | 'accept' | 'return';

/** Which state each action leads to from each state; absent = not allowed. */
const TRANSITIONS: Record<BriefAction, Partial<Record<BriefState, BriefState>>> = {
  edit: { draft: 'draft', returned: 'returned' },
  submit: { draft: 'submitted', returned: 'submitted' },
  accept: { submitted: 'accepted' },
  return: { submitted: 'returned' },
};

/** The state an action leads to, or why it is not allowed. Pure. */
export function nextState(
  state: BriefState,
  action: BriefAction,
): { ok: true; state: BriefState } | { ok: false; reason: string } {
  const to = TRANSITIONS[action][state];
  if (to) return { ok: true, state: to };
  const why: Record<BriefAction, string> = {
    edit:
      state === 'submitted'
        ? 'the brief is with delivery for review; it can be edited again if they return it'
        : 'an accepted brief is the record of the handoff and no longer changes',
    submit: state === 'submitted' ? 'the brief is already submitted' : 'an accepted brief cannot be submitted again',
    accept: `only a submitted brief can be accepted (this one is ${state})`,
    return: `only a submitted brief can be returned (this one is ${state})`,
  };
  return { ok: false, reason: why[action] };
}

/** A short text of what the brief says in a field, as evidence for a repeated requirement. */
export function describeField(content: BriefContent, field: BriefField): string {
  const v = content[field];
  if (v === null) return '';
  if (typeof v === 'string') return v.slice(0, 300);
  return v
    .map((item) => (typeof item === 'string' ? item : Object.values(item).filter(Boolean).join(': ')))
    .join('; ')
    .slice(0, 300);
}

/** Was the field answered when delivery asked about it? Partly filled counts as answered. */
export const fieldWasFilled = (content: BriefContent, field: BriefField): boolean =>
  fieldStatus(content, field).status !== 'empty';
