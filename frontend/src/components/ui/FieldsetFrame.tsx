import { ExclamationCircleIcon } from '@heroicons/react/20/solid';
import { forwardRef, type ReactNode, useId } from 'react';

interface FieldsetFrameProps {
  legend: string;
  /** Guidance shown under the legend, such as how many to choose. */
  help?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  children: ReactNode;
}

/**
 * A group of controls with one legend, like `FieldFrame` for a single control: help and
 * error describe the group. The ref is the fieldset, which takes focus (tabIndex -1) when
 * a form moves to its first error, so the legend and the error are read out.
 */
export const FieldsetFrame = forwardRef<HTMLFieldSetElement, FieldsetFrameProps>(
  function FieldsetFrame({ legend, help, error, optional = false, children }, ref) {
    const helpId = useId();
    const errorId = useId();
    const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ');
    return (
      <fieldset
        ref={ref}
        tabIndex={-1}
        aria-describedby={describedBy || undefined}
        className="min-w-0 focus:outline-none"
      >
        <legend className="text-sm font-semibold text-stone-900">
          {legend}
          {optional && <span className="font-normal text-stone-500"> (optional)</span>}
        </legend>
        {help && (
          <p id={helpId} className="mt-1 text-sm leading-6 text-stone-600">
            {help}
          </p>
        )}
        <div className="mt-2.5">{children}</div>
        {error && (
          <p
            id={errorId}
            className="mt-2 flex items-start gap-1.5 text-sm font-medium text-red-700"
          >
            <ExclamationCircleIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            <span>{error}</span>
          </p>
        )}
      </fieldset>
    );
  },
);
