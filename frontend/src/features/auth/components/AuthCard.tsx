import type { ReactNode } from 'react';
import { LogoMark } from '../../../components/ui/Logo';

interface AuthCardProps {
  title: string;
  description?: ReactNode;
  /** Under the card: the way to the neighbouring page ("New here? Join Reloop"). */
  footer?: ReactNode;
  children?: ReactNode;
}

/** The frame of every sign-in, sign-up and email-link page: one focused card. */
export function AuthCard({ title, description, footer, children }: AuthCardProps) {
  return (
    <div className="bg-gradient-to-b from-brand-50 to-stone-50 px-4 py-10 sm:py-16">
      <div className="mx-auto w-full max-w-md">
        <div className="rounded-2xl bg-white px-5 py-8 shadow-sm ring-1 ring-stone-200 sm:px-8">
          <LogoMark className="size-10" />
          <h1 className="mt-5 text-2xl font-bold tracking-tight text-stone-900">{title}</h1>
          {description && (
            <div className="mt-2 text-base leading-7 text-stone-600">{description}</div>
          )}
          {children && <div className="mt-7">{children}</div>}
        </div>
        {footer && <div className="mt-6 text-center text-sm text-stone-600">{footer}</div>}
      </div>
    </div>
  );
}
