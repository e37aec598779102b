import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormAlert } from '../../../components/ui/FormAlert';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { TextField } from '../../../components/ui/TextField';
import { applyServerErrors } from '../../../lib/form-errors';
import { orderTransitions } from '../api/orders';
import { CARRIER_MAX, shipSchema, type ShipValues, TRACKING_MAX } from './order-forms';
import { useOrderStep } from './useOrders';

/** The seller sends the parcel and says how the buyer can follow it. */
export function ShipForm({ orderId }: { orderId: string }) {
  const ship = useOrderStep((values: ShipValues) =>
    orderTransitions.ship(orderId, values.carrier, values.tracking_number),
  );
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ShipValues>({
    resolver: zodResolver(shipSchema),
    defaultValues: { carrier: '', tracking_number: '' },
  });
  const onSubmit = handleSubmit((values) => {
    if (ship.isPending) return;
    setFormError(null);
    ship.mutate(values, {
      onError: (error) => {
        setFormError(
          applyServerErrors(error, setError, {
            carrier: 'carrier',
            tracking_number: 'tracking_number',
          }),
        );
      },
    });
  });
  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="ship-heading"
      className="space-y-4"
    >
      <h3 id="ship-heading" className="text-base font-semibold text-stone-900">
        Mark as shipped
      </h3>
      {formError && <FormAlert>{formError}</FormAlert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Carrier"
          help="La Poste, DHL, UPS…"
          maxLength={CARRIER_MAX}
          error={errors.carrier?.message}
          {...register('carrier')}
        />
        <TextField
          label="Tracking number"
          maxLength={TRACKING_MAX}
          error={errors.tracking_number?.message}
          {...register('tracking_number')}
        />
      </div>
      <SubmitButton pending={ship.isPending}>Mark as shipped</SubmitButton>
    </form>
  );
}
