import { type ReactNode, useId } from 'react';

interface SettingsSectionProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  tone?: 'default' | 'danger';
}

/** One settings card: a heading that names the section, a line on what it does, the form. */
export function SettingsSection({
  title,
  description,
  children,
  tone = 'default',
}: SettingsSectionProps) {
  const titleId = useId();
  const ring = tone === 'danger' ? 'ring-red-200' : 'ring-stone-200';
  return (
    <section
      aria-labelledby={titleId}
      className={`rounded-2xl bg-white px-5 py-6 shadow-sm ring-1 sm:px-8 sm:py-8 ${ring}`}
    >
      <h2
        id={titleId}
        className={`text-xl font-bold tracking-tight ${tone === 'danger' ? 'text-red-800' : 'text-stone-900'}`}
      >
        {title}
      </h2>
      {description && (
        <div className="mt-1.5 max-w-2xl text-sm leading-6 text-stone-600">{description}</div>
      )}
      <div className="mt-6">{children}</div>
    </section>
  );
}
