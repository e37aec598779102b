import { Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { VerifyEmailBanner } from '../../features/auth/components/VerifyEmailBanner';
import { useMe } from '../../features/auth/hooks/useMe';
import { useSessionEndedSync } from '../../features/auth/hooks/useSessionEndedSync';
import { useNotificationStream } from '../../features/notifications/hooks/useNotificationStream';
import { FlashMessage } from './FlashMessage';
import { PageLoading } from './PageLoading';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink';
import { ToastProvider } from './ToastProvider';

export function AppLayout() {
  useSessionEndedSync();
  const { data: member } = useMe();
  // One live notification stream for the whole app, open while a member is signed in.
  useNotificationStream(Boolean(member));
  return (
    <ToastProvider>
      <div className="flex min-h-dvh flex-col">
        <SkipLink />
        <SiteHeader />
        <VerifyEmailBanner />
        <FlashMessage />
        {/* tabIndex lets the skip link move focus here, not just scroll. */}
        <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex-1 focus:outline-none">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </main>
        <SiteFooter />
        <ScrollRestoration />
      </div>
    </ToastProvider>
  );
}
