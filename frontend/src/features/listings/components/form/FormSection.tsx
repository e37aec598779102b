import { type ReactNode, useId } from 'react';

interface FormSectionProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

/** One card of the listing form, named by its heading. */
export function FormSection({ title, description, children }: FormSectionProps) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-2xl bg-white px-4 py-5 shadow-sm ring-1 ring-stone-200 sm:px-7 sm:py-7"
    >
      <h2 id={titleId} className="text-lg font-bold tracking-tight text-stone-900">
        {title}
      </h2>
      {description && <p className="mt-1 text-sm leading-6 text-stone-600">{description}</p>}
      <div className="mt-5 space-y-6">{children}</div>
    </section>
  );
}
