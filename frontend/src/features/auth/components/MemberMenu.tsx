import { Menu, MenuButton, MenuItem, MenuItems, MenuSeparator } from '@headlessui/react';
import { ChevronDownIcon } from '@heroicons/react/20/solid';
import {
  ArrowRightStartOnRectangleIcon,
  BanknotesIcon,
  BellAlertIcon,
  BookmarkIcon,
  Cog6ToothIcon,
  HeartIcon,
  ReceiptPercentIcon,
  Squares2X2Icon,
  UserCircleIcon,
} from '@heroicons/react/24/outline';
import { Link } from 'react-router';
import { MemberAvatar } from '../../../components/ui/MemberAvatar';
import type { Me } from '../api/me';
import { useSignOut } from '../hooks/useSignOut';

const itemClasses =
  'flex w-full items-center gap-3 rounded-lg px-3 py-2 text-left text-sm font-medium text-stone-700 data-focus:bg-stone-100 data-focus:text-stone-900';
const iconClasses = 'size-5 text-stone-500';

/** The signed-in member's corner of the header: who they are and where their things are. */
export function MemberMenu({ member }: { member: Me }) {
  const signOut = useSignOut();
  return (
    <Menu>
      <MenuButton
        aria-label="Account menu"
        className="flex items-center gap-2 rounded-full p-0.5 hover:bg-stone-100 data-open:bg-stone-100 md:py-1 md:pr-2 md:pl-1"
      >
        <MemberAvatar
          name={member.display_name}
          avatar={member.avatar}
          className="size-9 text-sm"
        />
        <span className="hidden max-w-40 truncate text-sm font-semibold text-stone-800 md:block">
          {member.display_name}
        </span>
        <ChevronDownIcon className="hidden size-4 text-stone-500 md:block" aria-hidden="true" />
      </MenuButton>
      <MenuItems
        anchor="bottom end"
        modal={false}
        className="z-50 w-64 rounded-2xl bg-white p-1.5 shadow-lg ring-1 ring-stone-200 [--anchor-gap:8px] focus:outline-none"
      >
        <div className="px-3 pt-2 pb-3">
          <p className="truncate text-sm font-semibold text-stone-900">{member.display_name}</p>
          <p className="truncate text-sm text-stone-600">@{member.username}</p>
        </div>
        <MenuSeparator className="mb-1 h-px bg-stone-200" />
        <MenuItem>
          <Link to={`/members/${member.username}`} className={itemClasses}>
            <UserCircleIcon className={iconClasses} aria-hidden="true" />
            Your profile
          </Link>
        </MenuItem>
        <MenuItem>
          <Link to="/my/listings" className={itemClasses}>
            <Squares2X2Icon className={iconClasses} aria-hidden="true" />
            My listings
          </Link>
        </MenuItem>
        <MenuItem>
          <Link to="/orders" className={itemClasses}>
            <ReceiptPercentIcon className={iconClasses} aria-hidden="true" />
            My orders
          </Link>
        </MenuItem>
        <MenuItem>
          <Link to="/earnings" className={itemClasses}>
            <BanknotesIcon className={iconClasses} aria-hidden="true" />
            Earnings
          </Link>
        </MenuItem>
        <MenuItem>
          <Link to="/likes" className={itemClasses}>
            <HeartIcon className={iconClasses} aria-hidden="true" />
            Likes
          </Link>
        </MenuItem>
        <MenuItem>
          <Link to="/saved" className={itemClasses}>
            <BookmarkIcon className={iconClasses} aria-hidden="true" />
            Saved
          </Link>
        </MenuItem>
        <MenuItem>
          <Link to="/saved-searches" className={itemClasses}>
            <BellAlertIcon className={iconClasses} aria-hidden="true" />
            Saved searches
          </Link>
        </MenuItem>
        <MenuItem>
          <Link to="/settings" className={itemClasses}>
            <Cog6ToothIcon className={iconClasses} aria-hidden="true" />
            Settings
          </Link>
        </MenuItem>
        <MenuSeparator className="my-1 h-px bg-stone-200" />
        <MenuItem>
          <button
            type="button"
            onClick={() => {
              signOut.mutate();
            }}
            className={itemClasses}
          >
            <ArrowRightStartOnRectangleIcon className={iconClasses} aria-hidden="true" />
            Sign out
          </button>
        </MenuItem>
      </MenuItems>
    </Menu>
  );
}
