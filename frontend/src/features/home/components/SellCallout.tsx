import { ButtonLink } from '../../../components/ui/Button';

export function SellCallout() {
  return (
    <section aria-labelledby="sell-callout-title" className="mx-auto max-w-6xl px-4 pb-20 sm:px-6">
      <div className="flex flex-col items-start gap-6 rounded-3xl bg-brand-900 px-6 py-10 sm:px-10 md:flex-row md:items-center md:justify-between">
        <div className="max-w-xl">
          <h2
            id="sell-callout-title"
            className="text-2xl font-bold tracking-tight text-white sm:text-3xl"
          >
            Got things you no longer use?
          </h2>
          <p className="mt-3 text-base leading-7 text-brand-100">
            Turn the back of your wardrobe into cash, and let someone else love it next.
          </p>
        </div>
        <ButtonLink to="/sell" size="lg" variant="inverse">
          List an item
        </ButtonLink>
      </div>
    </section>
  );
}
