import { Field, Input, Label } from '@headlessui/react';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '../../../../components/ui/Button';
import { controlClasses } from '../../../../components/ui/field-styles';
import { parseMoneyInput } from '../../../../lib/money';
import type { PriceBand } from '../../api/search';
import { bandRange, centsToInput, matchingBand, priceBandLabel } from '../../price';
import { FacetCount, FacetGroup } from './FacetGroup';

interface PriceFacetProps {
  bands: PriceBand[];
  /** The chosen range, in cents. */
  min: number | null;
  max: number | null;
  onChange: (min: number | null, max: number | null) => void;
}

const optionClasses =
  'flex cursor-pointer items-center gap-2.5 rounded-lg px-1.5 py-1.5 text-sm text-stone-800 hover:bg-stone-100';

/** Typed euros as cents: null for an empty box, undefined for one that is not a price. */
function typedCents(text: string): number | null | undefined {
  if (!text.trim()) return null;
  return parseMoneyInput(text) ?? undefined;
}

/** Any minimum and maximum, typed in euros. */
function PriceRangeForm({ min, max, onChange }: Omit<PriceFacetProps, 'bands'>) {
  const [minText, setMinText] = useState(centsToInput(min));
  const [maxText, setMaxText] = useState(centsToInput(max));
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typedMin = typedCents(minText);
    const typedMax = typedCents(maxText);
    if (typedMin === undefined || typedMax === undefined) {
      setError('Enter prices like 12 or 12.50.');
      return;
    }
    if (typedMin !== null && typedMax !== null && typedMin > typedMax) {
      setError('The minimum is above the maximum.');
      return;
    }
    setError(null);
    onChange(typedMin, typedMax);
  }

  const inputClasses = `${controlClasses} h-9 px-2.5`;
  return (
    <form onSubmit={handleSubmit} aria-label="Price range" className="mt-3" noValidate>
      <div className="flex items-end gap-2">
        <Field className="min-w-0 flex-1">
          <Label className="text-xs font-medium text-stone-700">Min (€)</Label>
          <Input
            value={minText}
            onChange={(event) => {
              setMinText(event.target.value);
            }}
            inputMode="decimal"
            autoComplete="off"
            invalid={Boolean(error)}
            aria-describedby={error ? errorId : undefined}
            className={inputClasses}
          />
        </Field>
        <Field className="min-w-0 flex-1">
          <Label className="text-xs font-medium text-stone-700">Max (€)</Label>
          <Input
            value={maxText}
            onChange={(event) => {
              setMaxText(event.target.value);
            }}
            inputMode="decimal"
            autoComplete="off"
            invalid={Boolean(error)}
            aria-describedby={error ? errorId : undefined}
            className={inputClasses}
          />
        </Field>
        <Button type="submit" variant="secondary" size="sm">
          Apply
        </Button>
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-1.5 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}

/** Price bands with their counts, and a box for any range. */
export function PriceFacet({ bands, min, max, onChange }: PriceFacetProps) {
  const name = useId();
  const anyPrice = min === null && max === null;
  const chosenBand = matchingBand(bands, min, max);
  return (
    <FacetGroup legend="Price">
      <ul className="space-y-0.5">
        <li>
          <label className={optionClasses}>
            <input
              type="radio"
              name={name}
              checked={anyPrice}
              onChange={() => {
                onChange(null, null);
              }}
              className="size-4 shrink-0 accent-brand-700"
            />
            Any price
          </label>
        </li>
        {bands.map((band) => (
          <li key={`${band.min ?? ''}-${band.max ?? ''}`}>
            <label className={optionClasses}>
              <input
                type="radio"
                name={name}
                checked={band === chosenBand}
                onChange={() => {
                  const range = bandRange(band);
                  onChange(range.min, range.max);
                }}
                className="size-4 shrink-0 accent-brand-700"
              />
              <span className="min-w-0 truncate">{priceBandLabel(band.min, band.max)}</span>
              <FacetCount count={band.count} />
            </label>
          </li>
        ))}
      </ul>
      {/* A band is not repeated in the boxes, which are for ranges typed in. Keyed by the
          range, so they show the URL's range after any other change. */}
      <PriceRangeForm
        key={`${min ?? ''}-${max ?? ''}`}
        min={chosenBand ? null : min}
        max={chosenBand ? null : max}
        onChange={onChange}
      />
    </FacetGroup>
  );
}
