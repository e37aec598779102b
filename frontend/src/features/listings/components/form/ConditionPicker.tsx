import { Description, Field, Label, Radio, RadioGroup } from '@headlessui/react';
import { forwardRef } from 'react';
import { FieldsetFrame } from '../../../../components/ui/FieldsetFrame';
import type { Condition } from '../../api/taxonomy';

interface ConditionPickerProps {
  conditions: Condition[];
  value: string;
  onChange: (key: string) => void;
  error?: string | undefined;
}

/** One card per condition, with the API's description, so sellers grade items alike. */
export const ConditionPicker = forwardRef<HTMLFieldSetElement, ConditionPickerProps>(
  function ConditionPicker({ conditions, value, onChange, error }, ref) {
    return (
      <FieldsetFrame ref={ref} legend="Condition" error={error}>
        <RadioGroup
          value={value}
          onChange={onChange}
          aria-label="Condition"
          className="grid gap-2.5 sm:grid-cols-2"
        >
          {conditions.map((condition) => (
            <Field
              key={condition.key}
              className="relative flex gap-3 rounded-xl bg-white p-3.5 ring-1 ring-stone-300 hover:ring-stone-400 has-data-checked:bg-brand-50 has-data-checked:ring-2 has-data-checked:ring-brand-600"
            >
              <Radio
                value={condition.key}
                className="group relative z-10 mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-white ring-1 ring-stone-400 data-checked:bg-brand-700 data-checked:ring-brand-700"
              >
                <span className="invisible size-2 rounded-full bg-white group-data-checked:visible" />
              </Radio>
              <div className="min-w-0">
                {/* The label's box covers the card, so a click anywhere on it chooses. */}
                <Label className="text-sm font-semibold text-stone-900 after:absolute after:inset-0 after:cursor-pointer">
                  {condition.name}
                </Label>
                <Description className="mt-0.5 text-sm leading-5 text-stone-600">
                  {condition.description}
                </Description>
              </div>
            </Field>
          ))}
        </RadioGroup>
      </FieldsetFrame>
    );
  },
);
