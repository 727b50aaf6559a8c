import { Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../api/client.ts';
import type { BriefSummary, Page, Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { BriefPage } from './BriefPage.tsx';
import { HandoffList } from './HandoffList.tsx';

/**
 * Deals & handoffs → Handoffs: the list (and delivery's queue), one brief at /deals/handoffs/<id>, or the
 * brief of a deal at /deals/handoffs/deal/<deal id> (linked from Incoming deals).
 */
export function HandoffsTab({ session, subPath }: { session: Session; subPath: string }) {
  if (subPath.startsWith('deal/')) return <BriefOfDeal session={session} dealId={subPath.slice('deal/'.length)} />;
  return subPath ? <BriefPage session={session} id={subPath} /> : <HandoffList session={session} />;
}

function BriefOfDeal({ session, dealId }: { session: Session; dealId: string }) {
  const briefs = useQuery({
    queryKey: ['handoffs', 'deal', dealId],
    queryFn: () => get<Page<BriefSummary>>(`/api/v1/handoffs${query({ dealId, limit: 1 })}`),
  });
  if (briefs.isPending) return <Loader />;
  if (briefs.isError) return <ErrorState error={briefs.error} />;
  const brief = briefs.data.items[0];
  return brief ? (
    <BriefPage session={session} id={brief.id} />
  ) : (
    <Text c="dimmed">This deal has no handoff brief: a brief opens when the deal passes the closed-won guard.</Text>
  );
}
