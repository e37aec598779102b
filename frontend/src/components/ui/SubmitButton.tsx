import type { ReactNode } from 'react';
import { Button } from './Button';
import type { ButtonVariant } from './button-styles';
import { Spinner } from './Spinner';

interface SubmitButtonProps {
  pending: boolean;
  children: ReactNode;
  variant?: ButtonVariant;
  className?: string;
  /** For forms with several submit buttons: runs before the submit, to note which one. */
  onClick?: () => void;
}

/**
 * Stays enabled while pending, because disabling the focused button would drop keyboard
 * focus; forms ignore a second submit while their request is in flight.
 */
export function SubmitButton({
  pending,
  children,
  variant,
  className = '',
  onClick,
}: SubmitButtonProps) {
  const onDark = variant === undefined || variant === 'primary' || variant === 'danger';
  return (
    <Button
      type="submit"
      variant={variant}
      aria-busy={pending}
      className={className}
      onClick={onClick}
    >
      {pending && <Spinner className={onDark ? 'size-4 text-white' : 'size-4'} />}
      {children}
    </Button>
  );
}
