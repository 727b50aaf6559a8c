/** An account's stakeholders as the relationship sees them: role, last touch and days since, latest NPS and CSAT. */
import { CONTACT_ROLE_LABELS, getAccount, listContacts } from '../accounts/index.ts';
import type { Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { sentimentReport } from './sentiment.service.ts';
import { daysBetween, type NpsClass, npsClass, type SentimentFigures, type SurveyKind } from './sentiment.ts';
import { selectContactAnswers } from './survey.store.ts';

export interface LatestAnswer {
  score: number;
  respondedAt: string;
}

export interface Stakeholder {
  contactId: string;
  name: string;
  title: string | null;
  email: string | null;
  role: string;
  roleLabel: string;
  leftAt: string | null;
  lastTouchAt: string | null;
  daysSinceTouch: number | null;
  nps: (LatestAnswer & { rating: NpsClass }) | null;
  csat: LatestAnswer | null;
}

export interface StakeholdersView {
  accountId: string;
  asOf: string;
  stakeholders: Stakeholder[];
  /** The account's NPS and CSAT over the year up to `asOf`, with counts and a sentence. */
  sentiment: SentimentFigures & { from: string; to: string; sentence: string };
}

const ROLE_ORDER = ['executive_sponsor', 'champion', 'key_user', 'admin', 'finance', 'procurement', 'other'];

export async function accountStakeholders(
  db: Db,
  scope: Scope,
  accountId: string,
  now: Date,
): Promise<StakeholdersView> {
  await getAccount(db, scope, accountId);
  const contacts = await listContacts(db, scope, accountId);
  const latest = new Map<string, LatestAnswer>();
  for (const a of await selectContactAnswers(db, scope.workspaceId, accountId)) {
    const key = `${a.contact_id}|${a.kind as SurveyKind}`;
    if (!latest.has(key)) latest.set(key, { score: Number(a.score), respondedAt: a.responded_at });
  }
  const stakeholders = contacts
    .map((c): Stakeholder => {
      const nps = latest.get(`${c.id}|nps`);
      return {
        contactId: c.id,
        name: c.name,
        title: c.title,
        email: c.email,
        role: c.role,
        roleLabel: CONTACT_ROLE_LABELS[c.role] ?? c.role,
        leftAt: c.leftAt,
        lastTouchAt: c.lastTouchAt,
        daysSinceTouch: daysBetween(c.lastTouchAt, now),
        nps: nps ? { ...nps, rating: npsClass(nps.score) } : null,
        csat: latest.get(`${c.id}|csat`) ?? null,
      };
    })
    .sort(
      (a, b) =>
        Number(a.leftAt !== null) - Number(b.leftAt !== null) ||
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        a.name.localeCompare(b.name),
    );
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const report = await sentimentReport(db, scope, { from, to }, accountId);
  return {
    accountId,
    asOf: now.toISOString(),
    stakeholders,
    sentiment: { ...report.portfolio, from, to },
  };
}
