/**
 * A signal's evidence as sentences with its numbers (pure): one builder per kind, so the API, the web and
 * alerts say the same. Evidence is stored JSON and older rows may lack a field: every builder reads its
 * fields defensively and a missing number reads "an unknown number" rather than failing.
 */
import type { SignalKind } from './signal.ts';
import { type Evidence, num, str, list, obj, day, n, pct, plural, quoted, some, sumDays } from './explanation-words.ts';

export { day };

const BUILDERS: Record<SignalKind, (e: Evidence) => string> = {
  'handoff.thin_brief': (e) => {
    const missing = list(e, 'incomplete')
      .map((f) => str(obj(f), 'field'))
      .filter((f): f is string => f !== null);
    const what = missing.length
      ? ` ${missing.length === 1 ? 'One item is' : `${missing.length} items are`} ` +
        `missing or incomplete: ${some(missing, 5)}.`
      : '';
    return (
      `The brief was submitted ${n(num(e, 'completeness'))} % complete on ${day(str(e, 'submittedAt'))}, ` +
      `below the ${n(num(e, 'threshold'))} % threshold.${what}`
    );
  },
  'handoff.repeated_requirement': (e) => {
    const latest = obj(e.latest);
    const fields = list(e, 'fields').filter((f): f is string => typeof f === 'string');
    const count = num(e, 'repeatedQuestions');
    const about = fields.length ? ` (about ${some(fields)})` : '';
    const said = str(latest, 'briefSaid');
    return (
      `Delivery asked ${plural(count, 'question')} the brief already answered${about}. ` +
      `The latest, on ${str(latest, 'field') ?? 'a field'}: ` +
      `${quoted(str(latest, 'question'))}${said ? `; the brief said ${quoted(said)}` : ''}.`
    );
  },
  'deal.reopened': (e) => {
    const amount = num(e, 'amount');
    const worth =
      amount === null ? '' : ` (${amount.toLocaleString('en')}${str(e, 'currency') ? ` ${str(e, 'currency')}` : ''})`;
    const brief = str(e, 'briefState');
    return (
      `${str(e, 'deal') ?? 'The deal'}${worth} was won, then moved back to stage ` +
      `${quoted(str(e, 'stageNow'))} in the CRM on ` +
      `${day(str(e, 'reopenedAt'))}.` +
      (brief ? ` Its handoff brief is ${brief.replace(/_/g, ' ')}.` : ' It has no handoff brief.')
    );
  },
  'handoff.early_slip': (e) => {
    const slips = list(e, 'slips');
    return (
      `The forecast go-live slipped ${slips.length === 1 ? 'once' : `${slips.length} times`}, ` +
      `by ${plural(sumDays(slips), 'day')} in all, within two weeks of the kickoff ` +
      `on ${day(str(e, 'kickoffOn'))}.`
    );
  },
  'handoff.early_scope_change': (e) => {
    const changes = list(e, 'changes');
    return (
      `The scope changed ${changes.length === 1 ? 'once' : `${changes.length} times`} ` +
      `within two weeks of the kickoff on ${day(str(e, 'kickoffOn'))}.`
    );
  },
  'delivery.concentrated_work': (e) => {
    const tasks = list(e, 'tasks').filter((t): t is string => typeof t === 'string');
    return (
      `${str(e, 'person') ?? 'One person'} holds ${n(num(e, 'hours'))} of the ` +
      `${n(num(e, 'criticalPathHours'))} hours of open critical-path work (${pct(num(e, 'share'))}; ` +
      `the limit is ` +
      `${pct(num(e, 'threshold'))})` +
      (tasks.length ? `, in ${plural(tasks.length, 'task')}: ${some(tasks.map((t) => quoted(t)))}` : '') +
      '.'
    );
  },
  'delivery.blocked_task': (e) => {
    const reason = str(e, 'reason');
    return (
      `The task ${quoted(str(e, 'task'))} has been blocked since ${day(str(e, 'blockedSince'))}: ` +
      `${plural(num(e, 'workingDaysBlocked'), 'working day')}, past the limit ` +
      `of ${n(num(e, 'threshold'))}.${reason ? ` Reason given: ${reason}.` : ' No reason was given.'}`
    );
  },
  'delivery.long_duration': (e) =>
    `The forecast runs ${plural(num(e, 'projectedDays'), 'day')} from kickoff ` +
    `to go-live; ${pct(num(e, 'percentile'))} of the ${n(num(e, 'completedProjects'))} ` +
    `completed projects of the same playbook took ${plural(num(e, 'percentileDays'), 'day')} ` +
    `or less.`,
  'ttv.forecast_late': (e) =>
    `The forecast go-live, ${day(str(e, 'forecastGoLive'))}, is ${plural(num(e, 'daysLate'), 'day')} ` +
    `after the go-live promised to the customer, ${day(str(e, 'promisedGoLive'))}.`,
  'ttv.repeated_slips': (e) => {
    const slips = list(e, 'slips');
    const last = obj(slips.at(-1));
    const reason = str(last, 'reason');
    return (
      `The go-live has slipped ${plural(slips.length, 'time')} (a warning from ` +
      `${n(num(e, 'threshold'))}), by ${plural(sumDays(slips), 'day')} in all. ` +
      `The latest slip, recorded ${day(str(last, 'recordedAt'))}, moved it ` +
      `${plural(num(last, 'days'), 'day')}${reason ? ` (${reason.replace(/_/g, ' ')})` : ''}.`
    );
  },
  'ttv.first_value_overdue': (e) =>
    `First value, the milestone ${quoted(str(e, 'milestone'))}, was due on ` +
    `${day(str(e, 'dueOn'))} (day ${n(num(e, 'targetDay'))} after kickoff) ` +
    `and is ${plural(num(e, 'daysOverdue'), 'day')} overdue.`,
  'relationship.finance_in_delivery': (e) => {
    const touches = list(e, 'touches').map((t) => {
      const o = obj(t);
      const title = str(o, 'title');
      const subject = str(o, 'subject');
      return (
        `${str(o, 'contact') ?? 'someone'}${title ? ` (${title})` : ''} on ${day(str(o, 'at'))}` +
        `${subject ? ` (${str(o, 'kind') ?? 'touch'} ${quoted(subject)})` : ''}`
      );
    });
    const phase = str(e, 'lifecyclePhase');
    return (
      `Finance, procurement or legal people took part in ${plural(num(e, 'touchCount'), 'touch', 'touches')} ` +
      `in the ${plural(num(e, 'lookbackDays'), 'day')} to ${day(str(e, 'asOf'))}, while the account is still in ` +
      `delivery${phase ? ` (${phase.replace(/_/g, ' ')})` : ''}${touches.length ? `: ${some(touches)}` : ''}.`
    );
  },
  'relationship.touch_surge': (e) => {
    const ratio = num(e, 'ratio');
    return (
      `${plural(num(e, 'recentTouches'), 'touch', 'touches')} with the customer in the ${n(num(e, 'recentDays'))} ` +
      `days to ${day(str(e, 'asOf'))}, against a usual ${n(num(e, 'usualTouches'))} per ${n(num(e, 'recentDays'))} ` +
      `days over the ${n(num(e, 'baselineDays'))} days before` +
      `${ratio === null ? '' : `: ${n(ratio)} times the usual pace`} (a warning above ${n(num(e, 'factor'))} times, ` +
      `from ${plural(num(e, 'minTouches'), 'touch', 'touches')}).`
    );
  },
  'support.ticket_surge_after_go_live': (e) => {
    const ratio = num(e, 'ratio');
    return (
      `${plural(num(e, 'tickets30d'), 'ticket')} came in the first 30 days after go-live on ` +
      `${day(str(e, 'goLive'))}: ${n(num(e, 'per100Seats'))} per 100 of ${plural(num(e, 'seats'), 'licensed seat')}, ` +
      `against a median of ${n(num(e, 'medianPer100Seats'))} over ` +
      `${plural(num(e, 'medianAccounts'), 'account')} of the workspace` +
      `${ratio === null ? '' : `, ${n(ratio)} times as many`} (a warning above ${n(num(e, 'factor'))} times).`
    );
  },
  'support.how_to_heavy': (e) =>
    `${n(num(e, 'howTo'))} of the ${plural(num(e, 'tickets'), 'ticket')} opened in the ` +
    `${n(num(e, 'lookbackDays'))} days to ${day(str(e, 'asOf'))} ask how to do something: ` +
    `${pct(num(e, 'share'))} (a warning above ${pct(num(e, 'minShare'))}).`,
  'knowledge.materials_stale': (e) => {
    const named = list(e, 'articles').map((a) => `${quoted(str(obj(a), 'title'))} (${day(str(obj(a), 'updatedAt'))})`);
    const count = num(e, 'articleCount');
    const what = count === 1 ? 'The article' : count === null ? 'The articles' : `The ${count} articles`;
    return (
      `${what} tagged ${str(e, 'tag') ?? 'with the playbook'} ${count === 1 ? 'was' : 'were all'} ` +
      `last updated before ${str(e, 'project') ?? 'the project'} kicked off on ${day(str(e, 'kickoffOn'))}` +
      `${named.length ? `: ${some(named, 5)}` : ''}.`
    );
  },
  'adoption.low_active_users': (e) => {
    const seats = num(e, 'seats');
    const live = str(e, 'liveSince');
    return (
      `${n(num(e, 'activeUsers30d'))} of ${seats === null ? 'an unknown number of' : seats} ` +
      `licensed seats were used in the 30 days to ${day(str(e, 'asOf'))}: an ` +
      `adoption rate of ${pct(num(e, 'adoptionRate'))} (30-day active users ÷ ` +
      `licensed seats), below the ${pct(num(e, 'threshold'))} ` +
      'threshold.' +
      (live ? ` The account has used the product since ${day(live)} (${plural(num(e, 'liveDays'), 'day')}).` : '')
    );
  },
  'adoption.concentrated_usage': (e) => {
    const top = list(e, 'topUsers');
    return (
      `The ${top.length === 1 ? 'top user' : `top ${top.length} users`} made ` +
      `${n(num(e, 'topEvents'))} of the ${n(num(e, 'events30d'))} events in the ` +
      `30 days to ${day(str(e, 'asOf'))} (${pct(num(e, 'share'))}, above the ` +
      `${pct(num(e, 'threshold'))} limit), among ${plural(num(e, 'activeUsers30d'), 'active user')}.`
    );
  },
  'adoption.declining_usage': (e) => {
    const change = num(e, 'changePct');
    const threshold = num(e, 'threshold');
    return (
      `${plural(num(e, 'activeUsersLast7d'), 'user was', 'users were')} active ` +
      `in the 7 days to ${day(str(e, 'asOf'))}, against ${n(num(e, 'activeUsers4WeeksEarlier'))} ` +
      `in the 7 days ending three weeks earlier: ` +
      (change === null ? 'an unknown change' : `${change < 0 ? 'down' : 'up'} ${n(Math.abs(change))} %`) +
      (threshold === null ? '' : ` (a warning from a drop of ${n(Math.abs(threshold))} %)`) +
      '.'
    );
  },
  'renewal.at_risk_renewal': (e) => {
    const top = num(e, 'topPct');
    const probability = num(e, 'probability');
    const health = num(e, 'healthScore');
    const decile = num(e, 'decile');
    const maxDecile = num(e, 'maxDecile');
    const readings = [
      ...(health === null
        ? []
        : [
            `health is ${n(health)} of 100 (a warning below ${n(num(e, 'maxHealthScore'))}, ` +
              `scored ${day(str(e, 'healthScoredAt'))})`,
          ]),
      ...(decile === null
        ? []
        : [
            `churn risk is in the top ${top === null ? 'an unknown share' : `${n(top)} %`} of accounts: ` +
              `decile ${n(decile)} of 10, 1 the riskiest` +
              `${probability === null ? '' : `, a probability of ${pct(probability)}`} ` +
              `(a warning up to decile ${n(maxDecile)}, scored ${day(str(e, 'scoredAt'))})`,
          ]),
    ];
    return (
      `The renewal on ${day(str(e, 'renewalOn'))} is ${plural(num(e, 'daysToRenewal'), 'day')} away ` +
      `(a warning within ${n(num(e, 'withinDays'))} days)` +
      (readings.length > 0 ? `, and ${readings.join('; ')}.` : ', with no health score or churn risk read.') +
      (health === null && decile !== null ? ' The account has no health score.' : '')
    );
  },
  'renewal.sponsor_untouched': (e) => {
    const sponsors = list(e, 'sponsors').map((x) => {
      const o = obj(x);
      const title = str(o, 'title');
      return (
        `${str(o, 'contact') ?? 'the sponsor'}${title ? ` (${title})` : ''}, last touched on ` +
        `${day(str(o, 'lastTouchAt'))}, ${plural(num(o, 'daysSinceTouch'), 'day')} ago`
      );
    });
    return (
      `No touch with the executive sponsor for ${n(num(e, 'thresholdDays'))} days or more, as of ` +
      `${day(str(e, 'asOf'))}${sponsors.length ? `: ${some(sponsors)}` : ''}.`
    );
  },
  'renewal.detractor': (e) => {
    const who = list(e, 'detractors').map((x) => {
      const o = obj(x);
      const comment = str(o, 'comment');
      const role = str(o, 'role');
      return (
        `${role ? `the ${role.replace(/_/g, ' ')} ` : ''}${str(o, 'contact') ?? 'a stakeholder'} answered NPS ` +
        `${n(num(o, 'score'))} on ${day(str(o, 'respondedAt'))}${comment ? `, saying ${quoted(comment)}` : ''}`
      );
    });
    const text = some(who);
    return (
      (who.length
        ? `${text.charAt(0).toUpperCase()}${text.slice(1)}`
        : 'A sponsor or champion answered as a detractor') +
      ` (their latest NPS; ${n(num(e, 'maxScore'))} or below is a detractor).`
    );
  },
  'renewal.contraction': (e) => {
    const cur = str(e, 'currency');
    const money = (v: number | null) =>
      v === null ? 'an unknown amount' : `${v.toLocaleString('en')}${cur ? ` ${cur}` : ''}`;
    const change = num(e, 'change');
    const subs = list(e, 'subscriptions').map((x) => {
      const o = obj(x);
      return `${str(o, 'name') ?? 'a subscription'} (${money(num(o, 'from'))} → ${money(num(o, 'to'))})`;
    });
    return (
      `ARR went from ${money(num(e, 'fromArr'))} on ${day(str(e, 'since'))} to ${money(num(e, 'toArr'))} on ` +
      `${day(str(e, 'asOf'))}: down ${money(change === null ? null : Math.abs(change))} ` +
      `(${pct(num(e, 'changeShare'))}).` +
      `${subs.length ? ` What changed: ${some(subs)}.` : ''}`
    );
  },
  'renewal.no_expansion': (e) => {
    const cur = str(e, 'currency');
    const money = (v: number | null) =>
      v === null ? 'an unknown amount' : `${v.toLocaleString('en')}${cur ? ` ${cur}` : ''}`;
    return (
      `Under contract since ${day(str(e, 'firstPaidOn'))} ` +
      `(${plural(num(e, 'monthsUnderContract'), 'month')}, a note from ` +
      `${n(num(e, 'thresholdMonths'))}) and ARR never rose above the ${money(num(e, 'firstArr'))} it started at; ` +
      `it is ${money(num(e, 'currentArr'))} as of ${day(str(e, 'asOf'))}.`
    );
  },
  'knowledge.key_user_inactive': (e) => {
    const champions = list(e, 'inactiveChampions').map((c) => {
      const o = obj(c);
      return (
        `the champion ${str(o, 'name') ?? 'a champion'} (last active ${day(str(o, 'lastActiveDay'))}, ` +
        `${plural(num(o, 'daysInactive'), 'day')} ago)`
      );
    });
    const top = list(e, 'inactiveTopUsers').map((u) => {
      const o = obj(u);
      return (
        `the top user ${str(o, 'user') ?? 'unknown'} (${plural(num(o, 'events90d'), 'event')} ` +
        `in ${n(num(e, 'lookbackDays'))} days, last active ${day(str(o, 'lastActiveDay'))}, ` +
        `${plural(num(o, 'daysInactive'), 'day')} ago)`
      );
    });
    const who = [...champions, ...top];
    return who.length
      ? `No activity for ${n(num(e, 'inactiveDays'))} days or more, as of ${day(str(e, 'asOf'))}, from ${some(who)}.`
      : `Every champion and top user was active in the ${n(num(e, 'inactiveDays'))} days to ${day(str(e, 'asOf'))}.`;
  },
  'business.volume_shift': (e) => {
    const change = num(e, 'changePct');
    const weeks = list(e, 'baselineWeeks').length;
    return (
      `${plural(num(e, 'eventsLast7d'), 'event')} in the 7 days to ${day(str(e, 'asOf'))}, ` +
      `against a weekly average of ${n(num(e, 'baselineWeeklyEvents'))} over ` +
      `the ${plural(weeks, 'week')} before: ` +
      `${change === null ? 'an unknown change' : `${change < 0 ? 'down' : 'up'} ${n(Math.abs(change))} %`} ` +
      `(a warning beyond ${n(num(e, 'threshold'))} % either way).`
    );
  },
  'regulatory.review_needed': (e) => {
    const tags = (k: string) => list(e, k).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    const industries = tags('industries');
    const regions = tags('regions');
    const scope = [
      industries.length ? `industry ${some(industries)}` : 'every industry',
      regions.length ? `region ${some(regions)}` : 'every region',
    ].join(', ');
    return (
      `${quoted(str(e, 'event'))} takes effect on ${day(str(e, 'effectiveOn'))} for ${scope}; ` +
      `this account (${str(e, 'industry') ?? 'no industry'}, ${str(e, 'region') ?? 'no region'}) is in scope ` +
      `and has no review linked to it as of ${day(str(e, 'asOf'))} (reviews are asked for from ` +
      `${day(str(e, 'reviewFrom'))}).`
    );
  },
  'release.underused_feature': (e) => {
    const nonUsers = list(e, 'nonUsers');
    return (
      `${n(num(e, 'usingAccounts'))} of the ${n(num(e, 'entitledAccounts'))} ` +
      `accounts entitled to ${str(e, 'featureName') ?? 'the feature'} used it ` +
      `(${pct(num(e, 'share'))}; accounts using it ÷ accounts entitled, a warning ` +
      `below ${pct(num(e, 'threshold'))}) in the ${plural(num(e, 'daysSinceRelease'), 'day')} ` +
      `since its release on ` +
      `${day(str(e, 'releasedOn'))}.` +
      (nonUsers.length
        ? ` ${plural(nonUsers.length, 'entitled account has', 'entitled accounts have')} not used it.`
        : '')
    );
  },
  'integration.error_spike': (e) => {
    const detail = str(e, 'lastErrorDetail');
    return (
      `${n(num(e, 'errors7d'))} of the ${plural(num(e, 'reports7d'), 'sync')} ` +
      `${str(e, 'integration') ?? 'the integration'} reported in the 7 days to ` +
      `${day(str(e, 'asOf'))} failed (${pct(num(e, 'errorRate7d'))}), against ` +
      `a usual ${pct(num(e, 'baselineErrorRate'))}; ${n(num(e, 'spikeFactor'))} ` +
      `times the usual rate counts as a spike.${detail ? ` The last error: ${detail}.` : ''}`
    );
  },
  'integration.no_recent_sync': (e) => {
    const last = str(e, 'lastSuccessDay');
    const name = str(e, 'integration') ?? 'The integration';
    return (
      `${name} ` +
      (last
        ? `has not synced successfully since ${day(last)}, ` +
          `${plural(num(e, 'daysSinceSuccess'), 'day')} before ${day(str(e, 'asOf'))}`
        : `has never reported a successful sync as of ${day(str(e, 'asOf'))}`) +
      '; ' +
      `it reported ${plural(num(e, 'reports7d'), 'sync')} in the last 7 days, ` +
      `${n(num(e, 'errors7d'))} of them failed.`
    );
  },
};

/** Any other kind: its scalar evidence, named, as one sentence. */
function generic(e: Evidence): string {
  const parts = Object.entries(e)
    .filter(([k, v]) => (typeof v === 'number' || typeof v === 'string') && !/Id$/.test(k))
    .map(
      ([k, v]) =>
        `${k.replace(/([A-Z])/g, ' $1').toLowerCase()} ` +
        `${typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? day(v) : v}`,
    );
  return parts.length ? `${parts.join(', ')}.`.replace(/^./, (c) => c.toUpperCase()) : '';
}

/** The evidence of a signal as sentences with its numbers. */
export function explainSignal(kind: string, evidence: Evidence): string {
  const build = (BUILDERS as Record<string, ((e: Evidence) => string) | undefined>)[kind];
  return build ? build(evidence) : generic(evidence);
}
