import type { Session } from '../api/types.ts';
import { RoutedTabs } from '../ui/RoutedTabs.tsx';
import { AdoptionPortfolio } from './AdoptionPortfolio.tsx';
import { CatalogueTab } from './CatalogueTab.tsx';
import { IntegrationsTab } from './IntegrationsTab.tsx';
import { NudgesTab } from './NudgesTab.tsx';
import { ReleasesTab } from './ReleasesTab.tsx';
import { IngestStatusPage } from './IngestStatusPage.tsx';

/** Adoption: the portfolio of accounts by their usage, and the ingest that feeds it. */
export function AdoptionSection({ session }: { session: Session }) {
  return (
    <RoutedTabs
      title="Adoption"
      base="/adoption"
      tabs={[
        { value: 'portfolio', label: 'Portfolio', permission: 'usage:read', Tab: AdoptionPortfolio },
        { value: 'integrations', label: 'Integrations', permission: 'usage:read', Tab: IntegrationsTab },
        { value: 'releases', label: 'Releases', permission: 'usage:read', Tab: ReleasesTab },
        { value: 'nudges', label: 'Nudges', permission: 'usage:read', Tab: NudgesTab },
        { value: 'features', label: 'Features', permission: 'usage:read', Tab: CatalogueTab },
        { value: 'ingest', label: 'Ingest', permission: 'usage:read', Tab: IngestStatusPage },
      ]}
      session={session}
      empty="Your role does not see product usage."
    />
  );
}
