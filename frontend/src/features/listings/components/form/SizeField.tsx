import { useQuery } from '@tanstack/react-query';
import { forwardRef, type SelectHTMLAttributes } from 'react';
import { SelectField } from '../../../../components/ui/TextField';
import { formErrorMessage } from '../../../../lib/form-errors';
import { sizesQuery } from '../../api/taxonomy';

interface SizeFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  /** A category with sizes; the field is not shown for others. */
  categoryId: string;
  error?: string | undefined;
}

/** The sizes of the chosen category (`GET /sizes?category=`), e.g. "M / EU 38 / UK 10". */
export const SizeField = forwardRef<HTMLSelectElement, SizeFieldProps>(function SizeField(
  { categoryId, error, ...selectProps },
  ref,
) {
  const sizes = useQuery(sizesQuery(categoryId));
  return (
    <SelectField
      ref={ref}
      label="Size"
      {...selectProps}
      disabled={!sizes.data}
      error={error ?? (sizes.error ? formErrorMessage(sizes.error) : undefined)}
    >
      <option value="">{sizes.data ? 'Choose a size' : 'Loading sizes…'}</option>
      {sizes.data?.map((size) => (
        <option key={size.id} value={size.id}>
          {size.label}
        </option>
      ))}
    </SelectField>
  );
});
