import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { SelectField, TextField } from '../../../components/ui/TextField';
import { COUNTRY_OPTIONS } from '../../profile/countries';
import {
  ADDRESS_LINE_MAX,
  CITY_MAX,
  type CheckoutValues,
  NAME_MAX,
  POSTAL_CODE_MAX,
} from './checkout-form';

interface AddressFieldsProps {
  register: UseFormRegister<CheckoutValues>;
  errors: FieldErrors<CheckoutValues>;
}

/** Where the sellers send the parcels; each seller sees it once the order is paid. */
export function AddressFields({ register, errors }: AddressFieldsProps) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-bold text-stone-900">Shipping address</legend>
      <p className="-mt-2 text-sm leading-6 text-stone-600">
        Your sellers see it once you have paid, to send your parcels.
      </p>
      <TextField
        label="Full name"
        autoComplete="shipping name"
        maxLength={NAME_MAX}
        error={errors.name?.message}
        {...register('name')}
      />
      <TextField
        label="Street and number"
        autoComplete="shipping address-line1"
        maxLength={ADDRESS_LINE_MAX}
        error={errors.line1?.message}
        {...register('line1')}
      />
      <TextField
        label="Apartment, floor, building"
        optional
        autoComplete="shipping address-line2"
        maxLength={ADDRESS_LINE_MAX}
        error={errors.line2?.message}
        {...register('line2')}
      />
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <TextField
          label="Postal code"
          autoComplete="shipping postal-code"
          maxLength={POSTAL_CODE_MAX}
          error={errors.postal_code?.message}
          {...register('postal_code')}
        />
        <TextField
          label="Town or city"
          autoComplete="shipping address-level2"
          maxLength={CITY_MAX}
          error={errors.city?.message}
          {...register('city')}
        />
      </div>
      <SelectField
        label="Country"
        autoComplete="shipping country"
        error={errors.country_code?.message}
        {...register('country_code')}
      >
        <option value="">Choose a country</option>
        {COUNTRY_OPTIONS.map(({ code, name }) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
