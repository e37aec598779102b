import { Input } from '@headlessui/react';
import { EyeIcon, EyeSlashIcon } from '@heroicons/react/20/solid';
import { forwardRef, type InputHTMLAttributes, useState } from 'react';
import { controlClasses } from './field-styles';
import { FieldFrame, type FieldFrameProps } from './TextField';

type PasswordFieldProps = FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>;

/** A password input with a show/hide toggle, so people can check what they typed. */
export const PasswordField = forwardRef<HTMLInputElement, PasswordFieldProps>(
  function PasswordField({ label, help, error, optional, className = '', ...inputProps }, ref) {
    const [visible, setVisible] = useState(false);
    const Icon = visible ? EyeSlashIcon : EyeIcon;
    return (
      <FieldFrame label={label} help={help} error={error} optional={optional}>
        <div className="relative">
          <Input
            ref={ref}
            type={visible ? 'text' : 'password'}
            invalid={Boolean(error)}
            // Password managers and spellcheckers must not treat a shown password as text.
            spellCheck={false}
            autoCapitalize="none"
            className={`${controlClasses} h-11 pr-12 ${className}`}
            {...inputProps}
          />
          <button
            type="button"
            onClick={() => {
              setVisible((shown) => !shown);
            }}
            aria-pressed={visible}
            aria-label={visible ? 'Hide password' : 'Show password'}
            className="absolute inset-y-1 right-1 inline-flex w-10 items-center justify-center rounded-lg text-stone-500 hover:bg-stone-100 hover:text-stone-800"
          >
            <Icon className="size-5" aria-hidden="true" />
          </button>
        </div>
      </FieldFrame>
    );
  },
);
