/**
 * Evaluates the stale-onboarding-materials signal of a workspace on a day: projects and their playbooks from
 * delivery's face, articles from this module (published, tagged `playbook:…`). An account whose project holds raises
 * (or refreshes) the signal; one that no longer holds, or whose projects are past onboarding, resolves it. Idempotent.
 */
import type { Db } from '../../../platform/db/database.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import { playbookNamesById, projectRecords } from '../../delivery/index.ts';
import { listSignals, settleAccountOutcome, type SignalTally } from '../../signals/index.ts';
import {
  accountMaterialsStale,
  inOnboarding,
  type PlaybookArticleFact,
  playbookTag,
  type StaleProjectFacts,
} from './materials-stale.ts';
import { knowledgeThresholdsSetting } from './materials-stale.settings.ts';

export interface KnowledgeSignalSummary extends SignalTally {
  asOf: string;
  accounts: number;
}

const KIND = 'knowledge.materials_stale';

/** The workspace's published articles by the `playbook:` tags they carry. */
async function playbookArticles(db: Db, workspaceId: string): Promise<Map<string, PlaybookArticleFact[]>> {
  const rows = await db
    .selectFrom('knowledge_articles')
    .select(['id', 'title', 'tags', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'published')
    .where('tags', 'like', '%playbook:%')
    .execute();
  const by = new Map<string, PlaybookArticleFact[]>();
  for (const r of rows)
    for (const tag of JSON.parse(r.tags) as string[])
      if (tag.startsWith('playbook:'))
        by.set(tag, [...(by.get(tag) ?? []), { id: r.id, title: r.title, updatedAt: r.updated_at }]);
  return by;
}

/** Evaluates the signal as of `asOf` (YYYY-MM-DD or an instant). The caller owns the transaction. */
export async function evaluateKnowledgeSignals(
  db: Db,
  workspaceId: string,
  asOf: string,
): Promise<KnowledgeSignalSummary> {
  const day = asOf.slice(0, 10);
  const t = await readSetting(db, workspaceId, knowledgeThresholdsSetting);
  const playbooks = await playbookNamesById(db, workspaceId);
  const articles = await playbookArticles(db, workspaceId);
  const byAccount = new Map<string, StaleProjectFacts[]>();
  for (const r of await projectRecords(db, { workspaceId, partnerId: null })) {
    const playbook = playbooks.get(r.playbook_id);
    if (!playbook) continue;
    const p: StaleProjectFacts = {
      id: r.id,
      name: r.name,
      status: r.status,
      kickoffOn: r.kickoff_on,
      goLiveOn: r.go_live_on,
      playbook,
    };
    if (!inOnboarding(p, day, t.materialsStale.daysAfterGoLive)) continue;
    byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), p]);
  }
  const judged = new Set(byAccount.keys());
  let cursor: string | undefined;
  do {
    const page = await listSignals(db, workspaceId, { stage: 'support_overload', open: true, limit: 200, cursor });
    for (const s of page.items) if (s.kind === KIND && s.accountId) judged.add(s.accountId);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  const summary: KnowledgeSignalSummary = { asOf: day, accounts: 0, raised: {}, resolved: {} };
  for (const accountId of [...judged].sort()) {
    summary.accounts += 1;
    const outcome = accountMaterialsStale(
      day,
      byAccount.get(accountId) ?? [],
      (key) => articles.get(playbookTag(key)) ?? [],
      t,
    ) ?? { kind: KIND, holds: false, severity: 'warning', title: '', evidence: {} };
    await settleAccountOutcome(db, workspaceId, accountId, outcome, `no longer holds as of ${day}`, summary);
  }
  return summary;
}
