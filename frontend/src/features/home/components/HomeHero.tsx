import { ArrowRightIcon } from '@heroicons/react/20/solid';
import { ButtonLink } from '../../../components/ui/Button';
import { HeroCollage } from './HeroCollage';

export function HomeHero() {
  return (
    <section
      aria-labelledby="home-hero-title"
      className="relative overflow-hidden bg-gradient-to-b from-brand-50 to-stone-50"
    >
      <div className="mx-auto grid max-w-6xl items-center gap-12 px-4 pt-12 pb-16 sm:px-6 md:grid-cols-2 md:pt-20 md:pb-24">
        <div>
          <p className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-xs font-semibold text-brand-800 ring-1 ring-brand-200">
            <span className="size-1.5 rounded-full bg-brand-500" aria-hidden="true" />
            The second-hand marketplace with a following
          </p>
          <h1
            id="home-hero-title"
            className="mt-5 text-4xl font-bold tracking-tight text-balance text-stone-900 sm:text-5xl lg:text-6xl"
          >
            Give good things a <span className="text-brand-700">second life</span>.
          </h1>
          <p className="mt-5 max-w-xl text-lg leading-8 text-pretty text-stone-600">
            Reloop is where people sell the clothes, books, gadgets and homeware they no longer use,
            and find pre-loved pieces from sellers whose taste they trust.
          </p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            <ButtonLink to="/sell" size="lg">
              Start selling
              <ArrowRightIcon className="size-5" aria-hidden="true" />
            </ButtonLink>
            <ButtonLink to="/signup" size="lg" variant="secondary">
              Join Reloop for free
            </ButtonLink>
          </div>
        </div>
        <HeroCollage />
      </div>
    </section>
  );
}
