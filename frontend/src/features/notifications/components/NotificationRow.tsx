import { BellIcon } from '@heroicons/react/24/outline';
import { Link } from 'react-router';
import { MemberAvatar } from '../../../components/ui/MemberAvatar';
import { RelativeTime } from '../../../components/ui/RelativeTime';
import { ResponsiveImage } from '../../../components/ui/ResponsiveImage';
import type { Notification } from '../api/notifications';

/** Who did it; for what the system says (a price drop), the listing; else a bell. */
function NotificationPicture({ notification }: { notification: Notification }) {
  const { actor, item } = notification;
  if (actor) {
    return (
      <MemberAvatar
        name={actor.display_name}
        avatar={actor.avatar}
        className="size-10 text-base"
        sizes="40px"
      />
    );
  }
  if (item?.cover) {
    return (
      <ResponsiveImage
        image={item.cover}
        alt=""
        sizes="40px"
        className="size-10 shrink-0 rounded-lg"
      />
    );
  }
  return (
    <span className="inline-flex size-10 shrink-0 items-center justify-center rounded-full bg-stone-100 text-stone-500">
      <BellIcon className="size-5" aria-hidden="true" />
    </span>
  );
}

interface NotificationRowProps {
  notification: Notification;
  /** Before the link is followed: marks it read, closes a popover. */
  onOpen: (notification: Notification) => void;
}

/** One notification as a link to what it is about; unread ones stand out and say so. */
export function NotificationRow({ notification, onOpen }: NotificationRowProps) {
  const unread = !notification.read;
  return (
    <Link
      to={notification.link}
      onClick={() => {
        onOpen(notification);
      }}
      className={`flex items-start gap-3 px-4 py-3 hover:bg-stone-100 ${unread ? 'bg-brand-50' : ''}`}
    >
      <NotificationPicture notification={notification} />
      <span className="min-w-0 flex-1">
        <span
          className={`block text-sm leading-5 break-words ${unread ? 'font-medium text-stone-900' : 'text-stone-700'}`}
        >
          {notification.text}
        </span>
        <RelativeTime
          iso={notification.updated_at}
          className="mt-0.5 block text-xs text-stone-500"
        />
      </span>
      {unread && (
        <span className="mt-1.5 size-2.5 shrink-0 rounded-full bg-brand-600">
          <span className="sr-only">Unread</span>
        </span>
      )}
    </Link>
  );
}
