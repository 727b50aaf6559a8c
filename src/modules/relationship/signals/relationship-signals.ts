/**
 * Relationship signal rules (pure, DESIGN §4): judged on one account's stakeholders, their latest NPS and its
 * touches, at a moment. Stage 6 (renewal): the executive sponsor untouched, a detractor among the sponsor or
 * champions. Stage 3 warning signs made measurable: finance, procurement or legal in the touches of an account still
 * in delivery, and touches rising well above the account's usual cadence. Each rule says whether it holds and the
 * numbers behind it; a rule switched off never holds, so its open signal resolves.
 */
import type { RelationshipThresholds } from './relationship-signals.settings.ts';

export type RelationshipRuleKind =
  'renewal.sponsor_untouched' | 'renewal.detractor' | 'relationship.finance_in_delivery' | 'relationship.touch_surge';

export interface RuleOutcome {
  kind: RelationshipRuleKind;
  holds: boolean;
  severity: 'info' | 'warning' | 'severe';
  title: string;
  evidence: Record<string, unknown>;
}

export interface RuleContact {
  id: string;
  name: string;
  title: string | null;
  role: string;
  lastTouchAt: string | null;
  leftAt: string | null;
}

export interface LatestNps {
  contactId: string;
  score: number;
  respondedAt: string;
  comment: string | null;
}

export interface RuleTouch {
  occurredAt: string;
  kind: string;
  subject: string | null;
  contactIds: readonly string[];
}

export interface AccountRelationship {
  /** The moment judged. */
  now: Date;
  lifecyclePhase: string;
  contacts: readonly RuleContact[];
  /** Each contact's latest NPS answer. */
  latestNps: readonly LatestNps[];
  /** The account's touches, at least over the surge rule's window. */
  touches: readonly RuleTouch[];
}

const DAY_MS = 86_400_000;
const at = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
const daysSince = (iso: string, now: Date): number => Math.max(0, Math.floor((now.getTime() - at(iso)) / DAY_MS));
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Lifecycle phases in which the account is still in delivery (not yet live). */
export const DELIVERY_PHASES: readonly string[] = ['onboarding', 'implementing'];

/**
 * Whether a contact's role or title reads finance, procurement, purchasing or legal. The sponsor and champions are
 * expected in the conversation whatever their title says (a "VP Finance & Operations" sponsor is not the warning).
 */
export function isMoneyPerson(c: Pick<RuleContact, 'role' | 'title'>): boolean {
  if (c.role === 'finance' || c.role === 'procurement') return true;
  if (c.role === 'executive_sponsor' || c.role === 'champion') return false;
  return /financ|procure|purchas|legal|counsel|\bcfo\b|controller|treasur|accounts payable|sourcing/i.test(
    c.title ?? '',
  );
}

const active = (c: RuleContact, now: Date) => c.leftAt === null || at(c.leftAt) > now.getTime();

export function sponsorUntouched(a: AccountRelationship, t: RelationshipThresholds): RuleOutcome {
  const { days } = t.sponsorUntouched;
  // A sponsor never touched has no age to judge: the rule reads the last touch Baton knows.
  const quiet = a.contacts
    .filter((c) => c.role === 'executive_sponsor' && active(c, a.now) && c.lastTouchAt !== null)
    .map((c) => ({
      contactId: c.id,
      contact: c.name,
      title: c.title,
      lastTouchAt: c.lastTouchAt as string,
      daysSinceTouch: daysSince(c.lastTouchAt as string, a.now),
    }))
    .filter((s) => s.daysSinceTouch >= days)
    .sort((x, y) => y.daysSinceTouch - x.daysSinceTouch || x.contact.localeCompare(y.contact));
  const first = quiet[0];
  return {
    kind: 'renewal.sponsor_untouched',
    holds: t.sponsorUntouched.enabled && first !== undefined,
    severity: first && first.daysSinceTouch >= 2 * days ? 'severe' : 'warning',
    title: first
      ? `Executive sponsor ${first.contact} untouched for ${first.daysSinceTouch} days`
      : 'Executive sponsor touched recently',
    evidence: { asOf: a.now.toISOString(), thresholdDays: days, sponsors: quiet },
  };
}

export function detractor(a: AccountRelationship, t: RelationshipThresholds): RuleOutcome {
  const { maxScore } = t.detractor;
  const byId = new Map(a.contacts.map((c) => [c.id, c]));
  const detractors = a.latestNps
    .flatMap((n) => {
      const c = byId.get(n.contactId);
      if (!c || !active(c, a.now) || (c.role !== 'executive_sponsor' && c.role !== 'champion')) return [];
      if (n.score > maxScore || at(n.respondedAt) > a.now.getTime()) return [];
      return [
        {
          contactId: c.id,
          contact: c.name,
          role: c.role,
          score: n.score,
          respondedAt: n.respondedAt,
          comment: n.comment,
        },
      ];
    })
    .sort((x, y) => x.score - y.score || x.contact.localeCompare(y.contact));
  const first = detractors[0];
  return {
    kind: 'renewal.detractor',
    holds: t.detractor.enabled && first !== undefined,
    severity: detractors.some((d) => d.role === 'executive_sponsor') ? 'severe' : 'warning',
    title: first
      ? `${first.role === 'executive_sponsor' ? 'Executive sponsor' : 'Champion'} ${first.contact} answered NPS ${first.score}`
      : 'No detractor among the sponsor and champions',
    evidence: { asOf: a.now.toISOString(), maxScore, detractors },
  };
}

export function financeInDelivery(a: AccountRelationship, t: RelationshipThresholds): RuleOutcome {
  const { lookbackDays } = t.financeInDelivery;
  const from = a.now.getTime() - lookbackDays * DAY_MS;
  const byId = new Map(a.contacts.map((c) => [c.id, c]));
  const inDelivery = DELIVERY_PHASES.includes(a.lifecyclePhase);
  const touches = a.touches
    .filter((x) => at(x.occurredAt) > from && at(x.occurredAt) <= a.now.getTime())
    .flatMap((x) =>
      x.contactIds.flatMap((id) => {
        const c = byId.get(id);
        return c && isMoneyPerson(c)
          ? [
              {
                at: x.occurredAt,
                kind: x.kind,
                subject: x.subject,
                contactId: c.id,
                contact: c.name,
                title: c.title,
                role: c.role,
              },
            ]
          : [];
      }),
    )
    .sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0));
  const people = [...new Set(touches.map((x) => x.contact))];
  return {
    kind: 'relationship.finance_in_delivery',
    holds: t.financeInDelivery.enabled && inDelivery && touches.length > 0,
    severity: 'warning',
    title: touches.length
      ? `Finance or procurement in touches while in delivery: ${people.slice(0, 2).join(', ')}${people.length > 2 ? '…' : ''}`
      : 'No finance or procurement touches during delivery',
    evidence: {
      asOf: a.now.toISOString(),
      lifecyclePhase: a.lifecyclePhase,
      lookbackDays,
      touchCount: new Set(touches.map((x) => `${x.at}|${x.subject ?? ''}`)).size,
      touches: touches.slice(0, 10),
    },
  };
}

export function touchSurge(a: AccountRelationship, t: RelationshipThresholds): RuleOutcome {
  const { recentDays, baselineDays, factor, minTouches } = t.touchSurge;
  const end = a.now.getTime();
  const split = end - recentDays * DAY_MS;
  const start = split - baselineDays * DAY_MS;
  let recent = 0;
  let baseline = 0;
  for (const x of a.touches) {
    const when = at(x.occurredAt);
    if (when > split && when <= end) recent += 1;
    else if (when > start && when <= split) baseline += 1;
  }
  const usual = (baseline * recentDays) / baselineDays;
  const ratio = usual > 0 ? recent / usual : null;
  // No touches before: no cadence to rise above (a new account's first weeks are not a surge).
  const holds = t.touchSurge.enabled && usual > 0 && recent >= minTouches && recent > factor * usual;
  return {
    kind: 'relationship.touch_surge',
    holds,
    severity: 'warning',
    title: `${recent} touches in ${recentDays} days against a usual ${round(usual, 1)}`,
    evidence: {
      asOf: a.now.toISOString(),
      recentDays,
      recentTouches: recent,
      baselineDays,
      baselineTouches: baseline,
      usualTouches: round(usual, 1),
      ratio: ratio === null ? null : round(ratio, 1),
      factor,
      minTouches,
    },
  };
}

/** Every relationship rule on one account. */
export const relationshipRules = (a: AccountRelationship, t: RelationshipThresholds): RuleOutcome[] => [
  sponsorUntouched(a, t),
  detractor(a, t),
  financeInDelivery(a, t),
  touchSurge(a, t),
];
