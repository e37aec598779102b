import { CheckIcon } from '@heroicons/react/16/solid';
import { forwardRef } from 'react';
import { FieldsetFrame } from '../../../../components/ui/FieldsetFrame';
import type { Color } from '../../api/taxonomy';
import { MAX_COLORS } from './listing-form';

interface ColorPickerProps {
  colors: Color[];
  /** The chosen colour keys, in the order chosen. */
  value: string[];
  onChange: (keys: string[]) => void;
  error?: string | undefined;
}

/** "Multicolour" has no single hex worth showing; a wheel says it better. */
function swatchBackground(color: Color): string {
  return color.key === 'multi'
    ? 'conic-gradient(#d0202e, #f7d21e, #2e8b57, #1f5fbf, #6f3d99, #d0202e)'
    : color.hex;
}

/** Up to three colours, as checkboxes with a swatch and the colour's name. */
export const ColorPicker = forwardRef<HTMLFieldSetElement, ColorPickerProps>(function ColorPicker(
  { colors, value, onChange, error },
  ref,
) {
  const full = value.length >= MAX_COLORS;
  return (
    <FieldsetFrame
      ref={ref}
      legend="Colours"
      help={`Choose up to ${MAX_COLORS}, the main one first (${value.length} of ${MAX_COLORS} chosen).`}
      error={error}
    >
      <div className="flex flex-wrap gap-2">
        {colors.map((color) => {
          const checked = value.includes(color.key);
          return (
            <label
              key={color.key}
              className="inline-flex cursor-pointer items-center gap-2 rounded-full bg-white py-1.5 pr-3.5 pl-1.5 text-sm font-medium text-stone-800 ring-1 ring-stone-300 select-none hover:ring-stone-400 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600 has-disabled:cursor-not-allowed has-disabled:opacity-45 has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600"
            >
              <input
                type="checkbox"
                className="sr-only"
                checked={checked}
                disabled={!checked && full}
                onChange={() => {
                  onChange(
                    checked ? value.filter((key) => key !== color.key) : [...value, color.key],
                  );
                }}
              />
              <span
                aria-hidden="true"
                className="flex size-6 items-center justify-center rounded-full ring-1 ring-stone-900/15 ring-inset"
                style={{ background: swatchBackground(color) }}
              >
                {checked && <CheckIcon className="size-4 text-white mix-blend-difference" />}
              </span>
              {color.name}
            </label>
          );
        })}
      </div>
    </FieldsetFrame>
  );
});
