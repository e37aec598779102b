import { CameraIcon, HeartIcon, ShieldCheckIcon } from '@heroicons/react/24/outline';
import type { ComponentType, SVGProps } from 'react';

interface ValuePoint {
  title: string;
  body: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
}

const POINTS: ValuePoint[] = [
  {
    title: 'List in minutes',
    body: 'Add a few photos, a price and a short description, and your item is live. Edit it any time.',
    Icon: CameraIcon,
  },
  {
    title: 'Follow sellers you like',
    body: 'Found someone with great taste? Follow them and their new pieces show up in your feed first.',
    Icon: HeartIcon,
  },
  {
    title: 'Buy safely',
    body: 'Pay through Reloop and track your order to your door. If it is not as described, open a dispute.',
    Icon: ShieldCheckIcon,
  },
];

export function ValuePoints() {
  return (
    <section aria-labelledby="value-points-title" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
      <h2
        id="value-points-title"
        className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl"
      >
        Why people choose Reloop
      </h2>
      <ul className="mt-8 grid gap-6 md:grid-cols-3">
        {POINTS.map(({ title, body, Icon }) => (
          <li key={title} className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-stone-200">
            <span className="inline-flex size-11 items-center justify-center rounded-xl bg-brand-50 text-brand-700">
              <Icon className="size-6" aria-hidden="true" />
            </span>
            <h3 className="mt-4 text-lg font-semibold text-stone-900">{title}</h3>
            <p className="mt-2 text-sm leading-6 text-stone-600">{body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
