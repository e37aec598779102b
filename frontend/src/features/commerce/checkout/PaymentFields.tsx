import type { FieldErrors, UseFormRegister, UseFormSetValue } from 'react-hook-form';
import { TextField } from '../../../components/ui/TextField';
import type { CheckoutValues } from './checkout-form';
import { TestCards } from './TestCards';

interface PaymentFieldsProps {
  register: UseFormRegister<CheckoutValues>;
  setValue: UseFormSetValue<CheckoutValues>;
  errors: FieldErrors<CheckoutValues>;
}

/**
 * The card, after the address: a component of its own so its field registers after the
 * address fields, and a failed submit focuses the first problem from the top.
 */
export function PaymentFields({ register, setValue, errors }: PaymentFieldsProps) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-bold text-stone-900">Payment</legend>
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
    </fieldset>
  );
}
