interface LogoMarkProps {
  className?: string;
}

/** Two arrows chasing each other: things going round to a new owner. */
export function LogoMark({ className = 'size-8' }: LogoMarkProps) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="9" className="fill-brand-800" />
      <g fill="none" stroke="white" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round">
        <path d="M10.5 16a5.5 5.5 0 0 1 9.4-3.9M21.5 16a5.5 5.5 0 0 1-9.4 3.9" />
        <path d="M20.8 8.6v3.9h-3.9M11.2 23.4v-3.9h3.9" />
      </g>
    </svg>
  );
}

export function Wordmark() {
  return (
    <span className="flex items-center gap-2">
      <LogoMark />
      <span className="text-xl font-bold tracking-tight text-stone-900">Reloop</span>
    </span>
  );
}
