import {
  BellIcon,
  ComputerDesktopIcon,
  EnvelopeIcon,
  KeyIcon,
  NoSymbolIcon,
  TrashIcon,
  UserCircleIcon,
} from '@heroicons/react/24/outline';
import type { ComponentType, SVGProps } from 'react';

interface SettingsSectionLink {
  /** Under /settings; '' is the index (Profile). */
  path: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
}

export const SETTINGS_SECTIONS: readonly SettingsSectionLink[] = [
  { path: '', label: 'Profile', icon: UserCircleIcon },
  { path: 'email', label: 'Email', icon: EnvelopeIcon },
  { path: 'password', label: 'Password', icon: KeyIcon },
  { path: 'sessions', label: 'Sessions', icon: ComputerDesktopIcon },
  { path: 'notifications', label: 'Notifications', icon: BellIcon },
  { path: 'privacy', label: 'Blocked and muted', icon: NoSymbolIcon },
  { path: 'delete-account', label: 'Delete account', icon: TrashIcon },
];

export function settingsHref(path: string): string {
  return path ? `/settings/${path}` : '/settings';
}

/** The section shown at `pathname`, for the page title. */
export function currentSection(pathname: string): SettingsSectionLink | undefined {
  const path = pathname.replace(/^\/settings\/?/, '').replace(/\/$/, '');
  return SETTINGS_SECTIONS.find((section) => section.path === path);
}
