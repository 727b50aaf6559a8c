import type { Session } from '../api/types.ts';
import { RoutedTabs } from '../ui/RoutedTabs.tsx';
import { DELIVERY_TABS } from './tabs.ts';

/**
 * Delivery: implementation projects with their forecast, the capacity plan, playbooks, people and time.
 * Each tab is a route: /delivery/<tab>[/<id>].
 */
export function DeliverySection({ session }: { session: Session }) {
  return (
    <RoutedTabs
      title="Delivery"
      base="/delivery"
      tabs={DELIVERY_TABS}
      session={session}
      empty="Your role does not see delivery."
    />
  );
}
