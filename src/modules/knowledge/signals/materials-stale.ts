/**
 * Onboarding materials not updated since kickoff (pure, DESIGN §4 stage 4): a project in delivery or just live whose
 * playbook's articles (tagged `playbook:<key>`) were all last updated before it kicked off, so its customer learns
 * from what was written for the projects before. Says the articles and their dates.
 */
import type { KnowledgeThresholds } from './materials-stale.settings.ts';

const DAY_MS = 86_400_000;
/** The evidence names at most this many articles, the most recently updated first. */
const MAX_NAMED = 10;

export interface StaleProjectFacts {
  id: string;
  name: string;
  status: string;
  kickoffOn: string | null;
  goLiveOn: string | null;
  playbook: { key: string; name: string };
}

export interface PlaybookArticleFact {
  id: string;
  title: string;
  updatedAt: string;
}

export interface MaterialsStaleOutcome {
  kind: 'knowledge.materials_stale';
  holds: boolean;
  severity: 'warning';
  title: string;
  evidence: Record<string, unknown>;
}

/** The tag an article carries to belong to a playbook's onboarding materials. */
export const playbookTag = (key: string): string => `playbook:${key.trim().toLowerCase()}`;

const dayMs = (day: string) => Date.parse(`${day.slice(0, 10)}T00:00:00Z`);

/** In delivery (kicked off, not live), or live for at most `days` days as of `asOf`. */
export function inOnboarding(p: StaleProjectFacts, asOf: string, days: number): boolean {
  if (!p.kickoffOn || p.status === 'cancelled' || p.status === 'queued') return false;
  if (p.status === 'active') return true;
  return p.goLiveOn !== null && dayMs(asOf) - dayMs(p.goLiveOn) <= days * DAY_MS;
}

/** One project judged: every article of its playbook last updated before its kickoff day. */
export function materialsStale(
  asOf: string,
  p: StaleProjectFacts,
  articles: readonly PlaybookArticleFact[],
  t: KnowledgeThresholds,
): MaterialsStaleOutcome {
  const { enabled, daysAfterGoLive } = t.materialsStale;
  const newestFirst = [...articles].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  const newest = newestFirst[0]?.updatedAt ?? null;
  const kickoff = p.kickoffOn ? dayMs(p.kickoffOn) : null;
  const stale = kickoff !== null && newest !== null && Date.parse(newest) < kickoff;
  const holds = enabled && inOnboarding(p, asOf, daysAfterGoLive) && stale;
  return {
    kind: 'knowledge.materials_stale',
    holds,
    severity: 'warning',
    title:
      newest === null
        ? `No articles tagged ${playbookTag(p.playbook.key)}`
        : `${p.playbook.name} articles not updated since before ${p.name} kicked off`,
    evidence: {
      asOf: asOf.slice(0, 10),
      projectId: p.id,
      project: p.name,
      status: p.status,
      kickoffOn: p.kickoffOn,
      goLiveOn: p.goLiveOn,
      playbook: p.playbook.name,
      tag: playbookTag(p.playbook.key),
      articleCount: articles.length,
      newestUpdate: newest,
      articles: newestFirst.slice(0, MAX_NAMED).map((a) => ({ title: a.title, updatedAt: a.updatedAt })),
      daysAfterGoLive,
    },
  };
}

/**
 * An account's outcome over its projects: the first one that holds (the latest kickoff first), else the latest
 * project judged, else none (nothing to judge).
 */
export function accountMaterialsStale(
  asOf: string,
  projects: readonly StaleProjectFacts[],
  articlesOf: (playbookKey: string) => readonly PlaybookArticleFact[],
  t: KnowledgeThresholds,
): MaterialsStaleOutcome | null {
  const latestFirst = [...projects].sort((a, b) => (b.kickoffOn ?? '').localeCompare(a.kickoffOn ?? ''));
  const outcomes = latestFirst.map((p) => materialsStale(asOf, p, articlesOf(p.playbook.key), t));
  return outcomes.find((o) => o.holds) ?? outcomes[0] ?? null;
}
