import { FireIcon, PlusIcon } from '@heroicons/react/20/solid';
import { Link, NavLink, useLocation, useSearchParams } from 'react-router';
import { AccountArea } from '../../features/auth/components/AccountArea';
import { useMe } from '../../features/auth/hooks/useMe';
import { CartLink } from '../../features/commerce/cart/CartLink';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { HeaderSearch } from '../../features/search/components/HeaderSearch';
import { ButtonLink } from '../ui/Button';
import { Wordmark } from '../ui/Logo';

function navLinkState(isActive: boolean): string {
  return isActive ? 'text-brand-800' : 'text-stone-700 hover:text-stone-900';
}

function navLinkClasses({ isActive }: { isActive: boolean }): string {
  return `hidden rounded-full px-3 py-2 text-sm font-semibold hover:bg-stone-100 sm:inline-flex ${navLinkState(isActive)}`;
}

/** Explore stays on phones, as an icon, since visitors' home only previews it. */
function exploreLinkClasses({ isActive }: { isActive: boolean }): string {
  return `inline-flex items-center rounded-full p-2 text-sm font-semibold hover:bg-stone-100 sm:px-3 ${navLinkState(isActive)}`;
}

/**
 * One header for every width. Below `md` the search box drops to its own full-width row
 * (flex order) instead of being squeezed next to the buttons; it is a single element so
 * there is only ever one search landmark.
 */
export function SiteHeader() {
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const currentQuery = pathname === '/search' ? (searchParams.get('q') ?? '') : '';
  const { data: member } = useMe();

  return (
    <header className="sticky top-0 z-40 border-b border-stone-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/85">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-3 px-4 py-3 sm:px-6">
        <Link to="/" className="order-1 shrink-0 rounded-lg" aria-label="Reloop home">
          <Wordmark />
        </Link>

        <div className="order-3 basis-full md:order-2 md:max-w-xl md:flex-1 md:basis-auto">
          {/* Keyed by the query so the box resets when the URL changes, without syncing state. */}
          <HeaderSearch key={currentQuery} initialQuery={currentQuery} />
        </div>

        <div className="order-2 ml-auto flex items-center gap-1 sm:gap-2 md:order-3">
          <nav aria-label="Primary" className="flex items-center gap-1 sm:gap-2">
            <NavLink to="/" end className={navLinkClasses}>
              Home
            </NavLink>
            <NavLink to="/explore" className={exploreLinkClasses}>
              <FireIcon className="size-5 sm:hidden" aria-hidden="true" />
              <span className="sr-only sm:not-sr-only">Explore</span>
            </NavLink>
            <ButtonLink to="/sell" size="sm" className="px-3.5">
              <PlusIcon className="hidden size-4 min-[400px]:block" aria-hidden="true" />
              Sell
            </ButtonLink>
          </nav>
          {member && <CartLink />}
          {member && <NotificationBell />}
          <AccountArea />
        </div>
      </div>
    </header>
  );
}
