import { Description, Field, Input, Label, Select, Textarea } from '@headlessui/react';
import { ExclamationCircleIcon } from '@heroicons/react/20/solid';
import {
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { controlClasses } from './field-styles';

export interface FieldFrameProps {
  label: string;
  /** Guidance shown under the control, such as the rule a value must follow. */
  help?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
}

/**
 * Label, control, help and error in one Headless UI `Field`, which links them by id:
 * the label names the control, help and error describe it, `invalid` sets aria-invalid.
 */
export function FieldFrame({
  label,
  help,
  error,
  optional = false,
  children,
}: FieldFrameProps & { children: ReactNode }) {
  return (
    <Field className="space-y-1.5">
      <Label className="block text-sm font-semibold text-stone-900">
        {label}
        {optional && <span className="font-normal text-stone-500"> (optional)</span>}
      </Label>
      {children}
      {help && <Description className="text-sm leading-6 text-stone-600">{help}</Description>}
      {error && (
        <Description className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <ExclamationCircleIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <span>{error}</span>
        </Description>
      )}
    </Field>
  );
}

type TextFieldProps = FieldFrameProps & InputHTMLAttributes<HTMLInputElement>;

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, help, error, optional, className = '', ...inputProps },
  ref,
) {
  return (
    <FieldFrame label={label} help={help} error={error} optional={optional}>
      <Input
        ref={ref}
        invalid={Boolean(error)}
        className={`${controlClasses} h-11 ${className}`}
        {...inputProps}
      />
    </FieldFrame>
  );
});

type TextareaFieldProps = FieldFrameProps & TextareaHTMLAttributes<HTMLTextAreaElement>;

export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaFieldProps>(
  function TextareaField({ label, help, error, optional, className = '', ...textareaProps }, ref) {
    return (
      <FieldFrame label={label} help={help} error={error} optional={optional}>
        <Textarea
          ref={ref}
          invalid={Boolean(error)}
          className={`${controlClasses} py-2.5 leading-6 ${className}`}
          {...textareaProps}
        />
      </FieldFrame>
    );
  },
);

type SelectFieldProps = FieldFrameProps & SelectHTMLAttributes<HTMLSelectElement>;

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, help, error, optional, className = '', children, ...selectProps },
  ref,
) {
  return (
    <FieldFrame label={label} help={help} error={error} optional={optional}>
      <Select
        ref={ref}
        invalid={Boolean(error)}
        className={`${controlClasses} h-11 ${className}`}
        {...selectProps}
      >
        {children}
      </Select>
    </FieldFrame>
  );
});
