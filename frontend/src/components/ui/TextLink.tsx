import { Link, type LinkProps } from 'react-router';

const textLinkClasses =
  'rounded font-semibold text-brand-700 underline-offset-2 hover:text-brand-900 hover:underline';

/** An inline link inside running text. */
export function TextLink({ className = '', ...props }: LinkProps) {
  return <Link className={`${textLinkClasses} ${className}`} {...props} />;
}
