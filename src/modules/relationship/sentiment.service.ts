/** NPS and CSAT over a period, per account and for the portfolio, from the answers recorded. */
import { accountNamesById, getAccount } from '../accounts/index.ts';
import type { Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { type SentimentFigures, sentimentOf, sentimentSentence, type SurveyKind } from './sentiment.ts';
import { selectScores } from './survey.store.ts';

export interface SentimentReport {
  from: string;
  to: string;
  portfolio: SentimentFigures & { sentence: string };
  accounts: Array<SentimentFigures & { accountId: string; account: string; sentence: string }>;
}

/** The period's first and last moments, `from` and `to` being days (both included). */
export const periodBounds = (from: string, to: string) => ({
  start: `${from}T00:00:00.000Z`,
  end: `${to}T23:59:59.999Z`,
});

export async function sentimentReport(
  db: Db,
  scope: Scope,
  period: { from: string; to: string },
  accountId?: string,
): Promise<SentimentReport> {
  if (accountId) await getAccount(db, scope, accountId);
  const { start, end } = periodBounds(period.from, period.to);
  const rows = await selectScores(db, scope.workspaceId, start, end, accountId);
  const byAccount = new Map<string, Array<{ kind: SurveyKind; score: number }>>();
  for (const r of rows) {
    const list = byAccount.get(r.account_id) ?? [];
    list.push({ kind: r.kind as SurveyKind, score: Number(r.score) });
    byAccount.set(r.account_id, list);
  }
  const names = await accountNamesById(db, scope);
  const portfolio = sentimentOf(rows.map((r) => ({ kind: r.kind as SurveyKind, score: Number(r.score) })));
  const accounts = [...byAccount]
    .filter(([id]) => names.has(id))
    .map(([id, answers]) => {
      const f = sentimentOf(answers);
      return { accountId: id, account: names.get(id) as string, ...f, sentence: sentimentSentence(f) };
    })
    .sort((a, b) => a.account.localeCompare(b.account) || a.accountId.localeCompare(b.accountId));
  return { ...period, portfolio: { ...portfolio, sentence: sentimentSentence(portfolio) }, accounts };
}
