import { UsersIcon } from '@heroicons/react/24/outline';
import { useMe } from '../../auth/hooks/useMe';
import { EmptyState } from '../../listings/components/EmptyState';
import type { Connection } from '../api/follows';
import { useConnections } from '../hooks/useMemberPages';
import { FollowButton } from './FollowButton';
import { MemberList } from './MemberList';

interface ConnectionsListProps {
  username: string;
  connection: Connection;
}

/** A member's followers, or whom they follow, each with a Follow button for the viewer. */
export function ConnectionsList({ username, connection }: ConnectionsListProps) {
  const pages = useConnections(username, connection);
  const { data: me } = useMe();
  return (
    <MemberList
      pages={pages}
      label={connection === 'followers' ? `Followers of @${username}` : `Followed by @${username}`}
      empty={
        <EmptyState
          icon={UsersIcon}
          title={connection === 'followers' ? 'No followers yet' : 'Not following anyone yet'}
        >
          {connection === 'followers'
            ? 'People who follow this member show here.'
            : 'Members this member follows show here.'}
        </EmptyState>
      }
      action={(member) =>
        member.id === me?.id ? null : (
          <FollowButton username={member.username} following={member.followed_by_me} size="sm" />
        )
      }
    />
  );
}
