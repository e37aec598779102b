import { Outlet, useLocation } from 'react-router';
import { currentSection } from '../features/profile/components/settings/sections';
import { SettingsNav } from '../features/profile/components/settings/SettingsNav';
import { useDocumentTitle } from '../lib/use-document-title';

/** The settings frame: a nav of sections and the chosen one (a child route). */
export function SettingsPage() {
  const { pathname } = useLocation();
  const section = currentSection(pathname);
  useDocumentTitle(section ? `${section.label} · Settings` : 'Settings');

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Settings</h1>
      <div className="mt-6 grid gap-6 md:mt-8 md:grid-cols-[13rem_minmax(0,1fr)] md:gap-10">
        <SettingsNav />
        <div className="min-w-0">
          <Outlet />
        </div>
      </div>
    </div>
  );
}
