import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { can, useSession } from './api/session.ts';
import { AccountDetailPage } from './accounts/AccountDetailPage.tsx';
import { AccountsPage } from './accounts/AccountsPage.tsx';
import { AccountPage } from './account/AccountPage.tsx';
import { InvitationsBanner } from './account/InvitationsBanner.tsx';
import { isLinkPage, LinkPage } from './account/LinkPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { DealsSection } from './deals/DealsSection.tsx';
import { DeliverySection } from './delivery/DeliverySection.tsx';
import { HealthSection } from './health/HealthSection.tsx';
import { HomePage } from './home/HomePage.tsx';
import { MyWorkSection } from './plays/MyWorkSection.tsx';
import { NotBuiltPage } from './sections/NotBuiltPage.tsx';
import { RevenuePage } from './revenue/RevenuePage.tsx';
import { SECTIONS } from './sections/sections.ts';
import { SettingsPage } from './settings/SettingsPage.tsx';
import { SupportPage } from './support/SupportPage.tsx';
import { KnowledgePage } from './knowledge/KnowledgePage.tsx';
import { AdoptionSection } from './usage/AdoptionSection.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { ErrorState } from './ui/ErrorState.tsx';

export function App() {
  const session = useSession();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (session.isError) return <ErrorState error={session.error} />;
  // Invitation and set-password links open outside the signed-in shell, signed in or not.
  if (isLinkPage(window.location.pathname)) return <LinkPage session={session.data} />;
  if (!session.data) return <LoginPage />;
  return (
    <AppLayout session={session.data}>
      <InvitationsBanner session={session.data} />
      <Routes>
        <Route
          path="/"
          element={
            can(session.data, 'health:read') ? <HomePage session={session.data} /> : <Navigate to="/accounts" replace />
          }
        />
        <Route path="/my-work/*" element={<MyWorkSection session={session.data} />} />
        <Route path="/accounts" element={<AccountsPage session={session.data} />} />
        <Route path="/accounts/:id" element={<AccountDetailPage session={session.data} />} />
        <Route path="/deals/*" element={<DealsSection session={session.data} />} />
        <Route path="/delivery/*" element={<DeliverySection session={session.data} />} />
        <Route path="/adoption/*" element={<AdoptionSection session={session.data} />} />
        <Route path="/revenue" element={<RevenuePage session={session.data} />} />
        <Route path="/support" element={<SupportPage session={session.data} />} />
        <Route path="/knowledge" element={<KnowledgePage session={session.data} />} />
        <Route path="/knowledge/articles/:articleId" element={<KnowledgePage session={session.data} />} />
        <Route path="/health/*" element={<HealthSection session={session.data} />} />
        {SECTIONS.filter((s) => !s.built).map((s) => (
          <Route key={s.path} path={s.path} element={<NotBuiltPage section={s} />} />
        ))}
        <Route path="/settings/*" element={<SettingsPage session={session.data} />} />
        <Route path="/account" element={<AccountPage session={session.data} />} />
        <Route path="*" element={<Navigate to="/accounts" replace />} />
      </Routes>
    </AppLayout>
  );
}
