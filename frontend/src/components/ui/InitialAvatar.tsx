interface InitialAvatarProps {
  name: string;
  /** Size and type size, e.g. `size-8 text-sm`. */
  className?: string;
}

/** A circle with the first letter of a name, for members without a photo (MemberAvatar). */
export function InitialAvatar({ name, className = 'size-9 text-sm' }: InitialAvatarProps) {
  // Array.from splits by code point, so a name starting with an emoji keeps it whole.
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? '?';
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-800 ring-1 ring-brand-200 select-none ${className}`}
    >
      {initial}
    </span>
  );
}
