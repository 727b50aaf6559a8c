/**
 * Regulatory change (DESIGN §4): an event tagged with industries and regions, effective on a day. An account is in
 * its scope when its industry and its region match (an empty list matches every account); one in scope without a
 * linked review holds `regulatory.review_needed` from the effective day minus the lead time. Pure.
 */

export interface RegulatoryEvent {
  id: string;
  name: string;
  industries: string[];
  regions: string[];
  effectiveOn: string;
  note: string | null;
  createdAt: string;
}

export interface ScopedAccount {
  id: string;
  name: string;
  industry: string | null;
  region: string | null;
  lifecyclePhase: string;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Whether an account falls in an event's scope: churned accounts never do. */
export function inScope(event: Pick<RegulatoryEvent, 'industries' | 'regions'>, a: ScopedAccount): boolean {
  if (a.lifecyclePhase === 'churned') return false;
  const industryOk =
    event.industries.length === 0 ||
    (a.industry !== null && event.industries.some((i) => norm(i) === norm(a.industry!)));
  const regionOk = event.regions.length === 0 || (a.region !== null && event.regions.includes(a.region));
  return industryOk && regionOk;
}

/** The first day the review is asked for: `leadDays` before the effective day. */
export function reviewFrom(effectiveOn: string, leadDays: number): string {
  const d = new Date(`${effectiveOn}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() - leadDays);
  return d.toISOString().slice(0, 10);
}

export interface HeldReview {
  eventId: string;
  accountId: string;
  /** `<event>/<account>`: the signal's subject. */
  subjectId: string;
  title: string;
  severity: 'warning' | 'severe';
  evidence: Record<string, unknown>;
}

export const subjectOf = (eventId: string, accountId: string) => `${eventId}/${accountId}`;

/**
 * The reviews still needed on `asOf`: every account in scope of an event whose review window has begun, without a
 * review. Severe once the event is in effect.
 */
export function reviewsNeeded(
  events: readonly RegulatoryEvent[],
  accounts: readonly ScopedAccount[],
  reviewed: ReadonlySet<string>,
  asOf: string,
  leadDays: number,
): HeldReview[] {
  const out: HeldReview[] = [];
  for (const e of events) {
    const from = reviewFrom(e.effectiveOn, leadDays);
    if (asOf < from) continue;
    for (const a of accounts) {
      const subjectId = subjectOf(e.id, a.id);
      if (!inScope(e, a) || reviewed.has(subjectId)) continue;
      const inEffect = asOf >= e.effectiveOn;
      out.push({
        eventId: e.id,
        accountId: a.id,
        subjectId,
        severity: inEffect ? 'severe' : 'warning',
        title: `${a.name}: ${e.name} ${inEffect ? 'in effect since' : 'takes effect'} ${e.effectiveOn}, not reviewed`,
        evidence: {
          eventId: e.id,
          event: e.name,
          effectiveOn: e.effectiveOn,
          reviewFrom: from,
          industries: e.industries,
          regions: e.regions,
          industry: a.industry,
          region: a.region,
          asOf,
        },
      });
    }
  }
  return out;
}
