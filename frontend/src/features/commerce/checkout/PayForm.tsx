import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormAlert } from '../../../components/ui/FormAlert';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { TextField } from '../../../components/ui/TextField';
import { ApiError } from '../../../lib/api-error';
import { applyServerErrors } from '../../../lib/form-errors';
import type { OrderDetail } from '../api/types';
import { PaymentCountdown } from '../shared/PaymentCountdown';
import { declineReason } from './checkout-errors';
import { cardDigits, cardNumberSchema } from './checkout-form';
import { TestCards } from './TestCards';
import { usePayOrder } from './usePayOrder';

const paySchema = z.object({ card_number: cardNumberSchema });
type PayValues = z.infer<typeof paySchema>;

interface PayFormProps {
  orderId: string;
  reservedUntil: string | null | undefined;
  /** Why the last attempt failed, as the bank put it. */
  declined?: string | null;
  onPaid: (order: OrderDetail) => void;
}

/** Another card for an order whose payment was declined, while its items are still held. */
export function PayForm({ orderId, reservedUntil, declined = null, onPaid }: PayFormProps) {
  const pay = usePayOrder(orderId);
  const [formError, setFormError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(declined);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors },
  } = useForm<PayValues>({ resolver: zodResolver(paySchema), defaultValues: { card_number: '' } });

  const onSubmit = handleSubmit(({ card_number }) => {
    if (pay.isPending) return;
    setFormError(null);
    pay.mutate(cardDigits(card_number), {
      onSuccess: (order) => {
        setReason(null);
        onPaid(order);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 402) {
          setReason(declineReason(error));
          return;
        }
        setFormError(applyServerErrors(error, setError, { payment_method: 'card_number' }));
      },
    });
  });

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="pay-heading"
      className="space-y-4"
    >
      <h2 id="pay-heading" className="text-lg font-bold text-stone-900">
        Pay with another card
      </h2>
      {reason && <FormAlert>Your payment was declined: {reason}</FormAlert>}
      <PaymentCountdown until={reservedUntil} />
      {formError && <FormAlert>{formError}</FormAlert>}
      <TextField
        label="Card number"
        inputMode="numeric"
        autoComplete="cc-number"
        error={errors.card_number?.message}
        {...register('card_number')}
      />
      <TestCards
        onUse={(number) => {
          setValue('card_number', number, { shouldValidate: true });
        }}
      />
      <SubmitButton pending={pay.isPending}>Pay now</SubmitButton>
    </form>
  );
}
