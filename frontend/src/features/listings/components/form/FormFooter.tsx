import type { ReactNode } from 'react';

interface FormFooterProps {
  /** What went wrong with the form as a whole (a FormAlert), shown right above the buttons. */
  alert?: ReactNode;
  /** A line of guidance beside the buttons. */
  note?: ReactNode;
  /** The submit buttons, the main one last. */
  children: ReactNode;
}

/**
 * The end of the listing form. A failure is shown here, next to the button the seller
 * just pressed, not at the top of a long form.
 */
export function FormFooter({ alert, note, children }: FormFooterProps) {
  return (
    <div className="space-y-4 rounded-2xl bg-white px-4 py-5 shadow-sm ring-1 ring-stone-200 sm:px-7">
      {alert}
      <div className="flex flex-col-reverse gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="text-sm leading-6 text-stone-600">{note}</div>
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:shrink-0">{children}</div>
      </div>
    </div>
  );
}
