import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { TextareaField } from '../../../components/ui/TextField';
import { applyServerErrors } from '../../../lib/form-errors';
import { orderTransitions } from '../api/orders';
import { DISPUTE_MAX, disputeSchema, type DisputeValues } from './order-forms';
import { useOrderStep } from './useOrders';

/** Opens a dispute: the money stays held until a moderator has looked. */
export function DisputeForm({ orderId }: { orderId: string }) {
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const dispute = useOrderStep((reason: string) => orderTransitions.dispute(orderId, reason));
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<DisputeValues>({
    resolver: zodResolver(disputeSchema),
    defaultValues: { reason: '' },
  });

  if (!open) {
    return (
      <Button
        variant="ghost"
        onClick={() => {
          setOpen(true);
        }}
      >
        Report a problem
      </Button>
    );
  }
  const onSubmit = handleSubmit(({ reason }) => {
    if (dispute.isPending) return;
    setFormError(null);
    dispute.mutate(reason, {
      onError: (error) => {
        setFormError(applyServerErrors(error, setError, { reason: 'reason' }));
      },
    });
  });
  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="dispute-heading"
      className="w-full space-y-4"
    >
      <h3 id="dispute-heading" className="text-base font-semibold text-stone-900">
        Report a problem
      </h3>
      {formError && <FormAlert>{formError}</FormAlert>}
      <TextareaField
        label="What went wrong?"
        rows={4}
        maxLength={DISPUTE_MAX}
        autoFocus
        help="The seller's payment stays on hold while a moderator looks at it."
        error={errors.reason?.message}
        {...register('reason')}
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={dispute.isPending} variant="danger">
          Open dispute
        </SubmitButton>
        <Button
          variant="secondary"
          onClick={() => {
            setOpen(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
