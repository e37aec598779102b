import { zodResolver } from '@hookform/resolvers/zod';
import { StarIcon } from '@heroicons/react/20/solid';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FieldsetFrame } from '../../../components/ui/FieldsetFrame';
import { FormAlert } from '../../../components/ui/FormAlert';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { TextareaField } from '../../../components/ui/TextField';
import { applyServerErrors } from '../../../lib/form-errors';
import type { OrderDetail } from '../api/types';
import { REVIEW_TEXT_MAX, reviewSchema, type ReviewValues } from './review-form';
import { usePostReview } from './useReviews';

const STAR_WORDS = ['', 'Poor', 'Fair', 'Good', 'Very good', 'Excellent'];

/**
 * Rating the seller once the order is complete. The stars are a native radio group, so
 * arrows move between them and the choice is read out; each invisible radio covers its
 * star, so a click or tap on the star lands on the radio itself.
 */
export function ReviewForm({ order }: { order: OrderDetail }) {
  const review = usePostReview(order);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
  } = useForm<ReviewValues>({
    resolver: zodResolver(reviewSchema),
    defaultValues: { rating: '', text: '' },
  });
  const rating = Number(useWatch({ control, name: 'rating' }) || 0);
  const text = useWatch({ control, name: 'text' });

  const onSubmit = handleSubmit((values) => {
    if (review.isPending) return;
    setFormError(null);
    review.mutate(
      { rating: Number(values.rating), text: values.text },
      {
        onError: (error) => {
          setFormError(applyServerErrors(error, setError, { rating: 'rating', text: 'text' }));
        },
      },
    );
  });

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="review-heading"
      className="space-y-5"
    >
      <h2 id="review-heading" className="text-lg font-bold text-stone-900">
        Review {order.seller.display_name}
      </h2>
      {formError && <FormAlert>{formError}</FormAlert>}
      <FieldsetFrame legend="Rating" error={errors.rating?.message}>
        <div className="flex items-center gap-1">
          {[1, 2, 3, 4, 5].map((star) => (
            <label
              key={star}
              className="relative cursor-pointer rounded-md p-0.5 has-focus-visible:outline-3 has-focus-visible:outline-brand-600"
            >
              <input
                type="radio"
                value={String(star)}
                className="absolute inset-0 size-full cursor-pointer opacity-0"
                aria-label={`${star} ${star === 1 ? 'star' : 'stars'}, ${STAR_WORDS[star] ?? ''}`}
                {...register('rating')}
              />
              <StarIcon
                aria-hidden="true"
                className={`size-8 ${star <= rating ? 'text-accent-400' : 'text-stone-300'}`}
              />
            </label>
          ))}
          {rating > 0 && (
            <span className="ml-2 text-sm font-medium text-stone-700">{STAR_WORDS[rating]}</span>
          )}
        </div>
      </FieldsetFrame>
      <TextareaField
        label="Your review"
        optional
        rows={4}
        maxLength={REVIEW_TEXT_MAX}
        help={`How was the item, the packing, the seller? ${text.length} of ${REVIEW_TEXT_MAX} characters.`}
        error={errors.text?.message}
        {...register('text')}
      />
      <SubmitButton pending={review.isPending}>Post review</SubmitButton>
    </form>
  );
}
