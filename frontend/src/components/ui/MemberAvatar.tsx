import type { components } from '../../api/schema';
import { InitialAvatar } from './InitialAvatar';
import { ResponsiveImage } from './ResponsiveImage';

interface MemberAvatarProps {
  name: string;
  avatar?: components['schemas']['ImageOut'] | null;
  /** Size and type size, e.g. `size-9 text-sm`; the type size is for the initial. */
  className?: string;
  /** The `sizes` attribute: how wide the avatar shows. */
  sizes?: string;
}

/**
 * A member's photo, or the initial of their name until they upload one. Decorative: the
 * name is always written next to it.
 */
export function MemberAvatar({
  name,
  avatar,
  className = 'size-9 text-sm',
  sizes = '40px',
}: MemberAvatarProps) {
  if (avatar?.status !== 'ready') return <InitialAvatar name={name} className={className} />;
  return (
    <ResponsiveImage
      key={avatar.id}
      image={avatar}
      alt=""
      sizes={sizes}
      className={`shrink-0 rounded-full ${className}`}
    />
  );
}
