import {
  BookOpenIcon,
  ComputerDesktopIcon,
  HomeModernIcon,
  ShoppingBagIcon,
} from '@heroicons/react/24/outline';
import type { ComponentType, SVGProps } from 'react';

interface Tile {
  label: string;
  examples: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
  tone: string;
  offset: string;
}

// Categories, not listings: the landing page shows what Reloop is for without inventing items.
const TILES: Tile[] = [
  {
    label: 'Clothes & shoes',
    examples: 'Denim, knitwear, trainers',
    Icon: ShoppingBagIcon,
    tone: 'bg-brand-800 text-white',
    offset: '',
  },
  {
    label: 'Books',
    examples: 'Novels, cookbooks, comics',
    Icon: BookOpenIcon,
    tone: 'bg-accent-300 text-stone-900',
    offset: 'sm:translate-y-8',
  },
  {
    label: 'Electronics',
    examples: 'Phones, cameras, consoles',
    Icon: ComputerDesktopIcon,
    tone: 'bg-white text-brand-900',
    offset: '',
  },
  {
    label: 'Homeware',
    examples: 'Lamps, ceramics, chairs',
    Icon: HomeModernIcon,
    tone: 'bg-brand-200 text-brand-950',
    offset: 'sm:translate-y-8',
  },
];

/** Decorative; the headline carries the meaning, so this is hidden from assistive tech. */
export function HeroCollage() {
  return (
    <div className="relative mx-auto w-full max-w-md" aria-hidden="true">
      <div className="absolute -inset-6 rounded-[3rem] bg-brand-100/60 blur-2xl" />
      <ul className="relative grid grid-cols-2 gap-3 sm:gap-5">
        {TILES.map(({ label, examples, Icon, tone, offset }) => (
          <li
            key={label}
            className={`flex aspect-[5/4] flex-col justify-between rounded-3xl p-4 shadow-lg ring-1 shadow-brand-900/10 ring-black/5 sm:aspect-[4/5] sm:p-5 ${tone} ${offset}`}
          >
            <Icon className="size-8 sm:size-11" />
            <span>
              <span className="block text-sm font-semibold sm:text-base">{label}</span>
              <span className="mt-0.5 hidden text-sm opacity-80 sm:block">{examples}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
