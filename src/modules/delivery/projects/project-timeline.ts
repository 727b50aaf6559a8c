/**
 * A project's moments on its account's timeline (pure): started, each milestone reached (first value, go-live,
 * those reached by the customer's first use of a feature), each slip with its days and reason.
 */
import { dayWords, instantOf, type TimelineEntry } from '../../accounts/index.ts';

export interface ProjectFacts {
  id: string;
  name: string;
  acceptedOn: string;
  kickoffOn: string | null;
  promisedGoLive: string | null;
  goLiveOn: string | null;
}

export interface MilestoneFacts {
  id: string;
  projectId: string;
  project: string;
  name: string;
  firstValue: boolean;
  goLive: boolean;
  completionEvent: string | null;
  completedOn: string;
}

export interface SlipFacts {
  id: string;
  projectId: string;
  project: string;
  recordedAt: string;
  promisedGoLive: string;
  toForecast: string;
  days: number;
  reason: string | null;
  note: string | null;
}

const ref = (id: string) => ({ kind: 'project', id });
const reasonWords = (reason: string) => reason.replaceAll('_', ' ');
const daysWords = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export function projectEntries(p: ProjectFacts): TimelineEntry[] {
  const base = { ref: ref(p.id), module: 'delivery' };
  const promise = p.promisedGoLive ? `, go-live promised for ${dayWords(p.promisedGoLive)}` : '';
  const out: TimelineEntry[] = [
    p.kickoffOn
      ? {
          ...base,
          id: `${p.id}:started`,
          at: instantOf(p.kickoffOn),
          kind: 'project.started',
          title: 'Project kicked off',
          sentence: `${p.name} kicked off${promise}.`,
        }
      : {
          ...base,
          id: `${p.id}:created`,
          at: instantOf(p.acceptedOn),
          kind: 'project.created',
          title: 'Project created',
          sentence: `${p.name} was set up from the accepted brief${promise}.`,
        },
  ];
  if (p.goLiveOn) {
    const late =
      p.promisedGoLive && p.goLiveOn > p.promisedGoLive
        ? `, after the promised ${dayWords(p.promisedGoLive)}`
        : p.promisedGoLive
          ? ', on or before the promised day'
          : '';
    out.push({
      ...base,
      id: `${p.id}:live`,
      at: instantOf(p.goLiveOn),
      kind: 'project.went_live',
      title: 'Went live',
      sentence: `${p.name} went live on ${dayWords(p.goLiveOn)}${late}.`,
    });
  }
  return out;
}

export function milestoneEntry(m: MilestoneFacts): TimelineEntry {
  const byUse = m.completionEvent ? `, reached when the customer first used “${m.completionEvent}”` : '';
  const what = m.firstValue ? ' — the customer’s first value' : '';
  return {
    id: `${m.id}:reached`,
    at: instantOf(m.completedOn),
    kind: m.completionEvent ? 'usage.milestone_reached' : 'project.milestone_reached',
    title: m.firstValue ? 'First value reached' : 'Milestone reached',
    sentence: `${m.project} reached “${m.name}”${what}${byUse}.`,
    ref: ref(m.projectId),
    module: 'delivery',
  };
}

export const slipEntry = (s: SlipFacts): TimelineEntry => ({
  id: `${s.id}:slip`,
  at: instantOf(s.recordedAt),
  kind: 'project.slipped',
  title: 'Go-live slipped',
  sentence:
    `${s.project}’s go-live forecast moved to ${dayWords(s.toForecast)}, ${daysWords(s.days)} past the promised ` +
    `${dayWords(s.promisedGoLive)}` +
    (s.reason ? ` (${reasonWords(s.reason)}${s.note ? `: ${s.note}` : ''}).` : '; no reason given yet.'),
  ref: ref(s.projectId),
  module: 'delivery',
});
