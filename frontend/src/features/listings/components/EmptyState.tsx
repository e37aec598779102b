import type { ComponentType, ReactNode, SVGProps } from 'react';

interface EmptyStateProps {
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  title: string;
  children?: ReactNode;
  /** What to do about it, usually a link. */
  action?: ReactNode;
}

/** Said where a list would be, when it has nothing yet. */
export function EmptyState({ icon: Icon, title, children, action }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center rounded-2xl border-2 border-dashed border-stone-200 px-6 py-12 text-center sm:py-16">
      <Icon className="size-10 text-stone-400" aria-hidden="true" />
      <h3 className="mt-3 text-base font-semibold text-stone-900">{title}</h3>
      {children && <p className="mt-1 max-w-sm text-sm leading-6 text-stone-600">{children}</p>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}
