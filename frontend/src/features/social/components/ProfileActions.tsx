import { useMe } from '../../auth/hooks/useMe';
import type { PublicProfile } from '../../profile/api/public-profile';
import { FollowButton } from './FollowButton';
import { ProfileMenu } from './ProfileMenu';

/**
 * What the viewer can do about a member on their profile: follow (visitors are sent to
 * sign in), and mute or block from the "⋯" menu. Nothing on one's own profile.
 */
export function ProfileActions({ profile }: { profile: PublicProfile }) {
  const { data: member } = useMe();
  if (member === null) {
    return <FollowButton username={profile.username} following={false} size="sm" />;
  }
  // `viewer` is null on one's own profile.
  if (!member || !profile.viewer) return null;
  return (
    <div className="flex items-center gap-2">
      <FollowButton username={profile.username} following={profile.viewer.following} size="sm" />
      <ProfileMenu username={profile.username} muted={profile.viewer.muted} />
    </div>
  );
}
