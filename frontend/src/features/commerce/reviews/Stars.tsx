import { StarIcon } from '@heroicons/react/20/solid';

/** A rating drawn as five stars, read out as "4 out of 5 stars". */
export function Stars({ rating, className = 'size-4' }: { rating: number; className?: string }) {
  return (
    <span role="img" aria-label={`${rating} out of 5 stars`} className="inline-flex">
      {[1, 2, 3, 4, 5].map((star) => (
        <StarIcon
          key={star}
          aria-hidden="true"
          className={`${className} ${star <= Math.round(rating) ? 'text-accent-400' : 'text-stone-300'}`}
        />
      ))}
    </span>
  );
}
