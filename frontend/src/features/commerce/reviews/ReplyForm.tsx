import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormAlert } from '../../../components/ui/FormAlert';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { TextareaField } from '../../../components/ui/TextField';
import { applyServerErrors } from '../../../lib/form-errors';
import type { OrderDetail, Review } from '../api/types';
import { REVIEW_TEXT_MAX, replySchema, type ReplyValues } from './review-form';
import { usePostReply } from './useReviews';

/** The seller answers a review once, in public, under it. */
export function ReplyForm({ order, review }: { order: OrderDetail; review: Review }) {
  const reply = usePostReply(order, review.id);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ReplyValues>({ resolver: zodResolver(replySchema), defaultValues: { text: '' } });
  const onSubmit = handleSubmit(({ text }) => {
    if (reply.isPending) return;
    setFormError(null);
    reply.mutate(text, {
      onError: (error) => {
        setFormError(applyServerErrors(error, setError, { text: 'text' }));
      },
    });
  });
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-4">
      {formError && <FormAlert>{formError}</FormAlert>}
      <TextareaField
        label="Your reply"
        rows={3}
        maxLength={REVIEW_TEXT_MAX}
        help="Shown under the review on your profile. You can reply once."
        error={errors.text?.message}
        {...register('text')}
      />
      <SubmitButton pending={reply.isPending}>Post reply</SubmitButton>
    </form>
  );
}
