import { ChevronLeftIcon, ChevronRightIcon } from '@heroicons/react/20/solid';
import { PhotoIcon } from '@heroicons/react/24/outline';
import { type KeyboardEvent, useRef, useState } from 'react';
import { ResponsiveImage } from '../../../../components/ui/ResponsiveImage';
import type { ImageOut } from '../../../media/api/uploads';

const arrowClasses =
  'absolute top-1/2 flex size-10 -translate-y-1/2 items-center justify-center rounded-full bg-white/90 text-stone-800 shadow-md ring-1 ring-stone-900/10 hover:bg-white';

/**
 * The listing's photos: one large, whole (not cropped), with arrows, a counter and a strip
 * of thumbnails. Left and right arrow keys move between photos wherever the focus is in it.
 * The stage keeps one shape, so switching between tall and wide photos moves nothing.
 */
export function ItemGallery({ images, title }: { images: ImageOut[]; title: string }) {
  const [index, setIndex] = useState(0);
  const thumbnails = useRef<HTMLUListElement>(null);
  const count = images.length;
  const current = images[Math.min(index, count - 1)];

  if (!current) {
    return (
      <div className="flex aspect-[4/3] flex-col items-center justify-center gap-2 rounded-2xl bg-stone-100 text-stone-500 ring-1 ring-stone-200">
        <PhotoIcon className="size-12" aria-hidden="true" />
        <p className="text-sm font-medium">No photos yet</p>
      </div>
    );
  }

  const show = (next: number) => {
    const wrapped = (next + count) % count;
    setIndex(wrapped);
    // A thumbnail that had the focus hands it to the one now shown.
    if (thumbnails.current?.contains(document.activeElement)) {
      thumbnails.current.querySelectorAll('button')[wrapped]?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (count < 2) return;
    if (event.key === 'ArrowLeft') show(index - 1);
    else if (event.key === 'ArrowRight') show(index + 1);
    else return;
    event.preventDefault();
  };

  return (
    <section
      aria-roledescription="carousel"
      aria-label={`Photos of ${title}`}
      onKeyDown={onKeyDown}
      className="min-w-0"
    >
      <div className="relative">
        <div
          // Focusable, so the arrow keys work before any button has been touched.
          tabIndex={count > 1 ? 0 : undefined}
          role="group"
          aria-roledescription="slide"
          aria-label={`Photo ${index + 1} of ${count}`}
          className="overflow-hidden rounded-2xl"
        >
          <ResponsiveImage
            key={current.id}
            image={current}
            alt={`${title}, photo ${index + 1} of ${count}`}
            sizes="(min-width: 1152px) 640px, (min-width: 1024px) 55vw, 100vw"
            fit="contain"
            eager
            className="aspect-[4/5] w-full sm:aspect-[4/3] lg:aspect-[4/5]"
          />
        </div>
        {count > 1 && (
          <>
            <button
              type="button"
              onClick={() => {
                show(index - 1);
              }}
              aria-label="Previous photo"
              className={`left-3 ${arrowClasses}`}
            >
              <ChevronLeftIcon className="size-6" aria-hidden="true" />
            </button>
            <button
              type="button"
              onClick={() => {
                show(index + 1);
              }}
              aria-label="Next photo"
              className={`right-3 ${arrowClasses}`}
            >
              <ChevronRightIcon className="size-6" aria-hidden="true" />
            </button>
            <p
              aria-live="polite"
              className="absolute right-3 bottom-3 rounded-full bg-stone-950/70 px-2.5 py-1 text-xs font-semibold text-white tabular-nums"
            >
              {index + 1} / {count}
            </p>
          </>
        )}
      </div>
      {count > 1 && (
        <ul
          ref={thumbnails}
          aria-label="All photos"
          className="mt-3 flex gap-2 overflow-x-auto p-1"
        >
          {images.map((image, position) => (
            <li key={image.id} className="shrink-0">
              <button
                type="button"
                onClick={() => {
                  setIndex(position);
                }}
                aria-label={`Show photo ${position + 1}`}
                aria-current={position === index ? 'true' : undefined}
                className={`block overflow-hidden rounded-lg ring-offset-2 ${
                  position === index ? 'ring-2 ring-brand-700' : 'opacity-75 hover:opacity-100'
                }`}
              >
                <ResponsiveImage image={image} alt="" sizes="80px" className="size-16 sm:size-20" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
