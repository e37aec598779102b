import { NavLink } from 'react-router';
import { SETTINGS_SECTIONS, settingsHref } from './sections';

function linkClasses({ isActive }: { isActive: boolean }): string {
  const state = isActive
    ? 'bg-white text-brand-800 shadow-sm ring-1 ring-stone-200'
    : 'text-stone-700 hover:bg-stone-100 hover:text-stone-900';
  return `flex shrink-0 items-center gap-2.5 rounded-xl px-3 py-2 text-sm font-semibold whitespace-nowrap ${state}`;
}

/** Tabs that wrap onto a second row on phones; a column beside the section from `md`. */
export function SettingsNav() {
  return (
    <nav aria-label="Settings" className="md:sticky md:top-24 md:self-start">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {SETTINGS_SECTIONS.map(({ path, label, icon: Icon }) => (
          <li key={path}>
            <NavLink to={settingsHref(path)} end className={linkClasses}>
              <Icon className="size-5 shrink-0" aria-hidden="true" />
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
