import type { Session } from '../api/types.ts';
import { RoutedTabs } from '../ui/RoutedTabs.tsx';
import { AdoptionPortfolio } from './AdoptionPortfolio.tsx';
import { IngestStatusPage } from './IngestStatusPage.tsx';

/** Adoption: the portfolio of accounts by their usage, and the ingest that feeds it. */
export function AdoptionSection({ session }: { session: Session }) {
  return (
    <RoutedTabs
      title="Adoption"
      base="/adoption"
      tabs={[
        { value: 'portfolio', label: 'Portfolio', permission: 'usage:read', Tab: AdoptionPortfolio },
        { value: 'ingest', label: 'Ingest', permission: 'usage:read', Tab: IngestStatusPage },
      ]}
      session={session}
      empty="Your role does not see product usage."
    />
  );
}
