import type { Session } from '../api/types.ts';
import { RoutedTabs } from '../ui/RoutedTabs.tsx';
import { DEALS_TABS } from './tabs.ts';

/**
 * Deals & handoffs: one section, one tab per job along stage 1 of the chain (incoming deals, briefs,
 * the commitments ledger, reports, stages, imports). Each tab is a route: /deals/<tab>[/<id>].
 */
export function DealsSection({ session }: { session: Session }) {
  return (
    <RoutedTabs
      title="Deals & handoffs"
      base="/deals"
      tabs={DEALS_TABS}
      session={session}
      empty="Your role does not see deals or handoffs."
    />
  );
}
