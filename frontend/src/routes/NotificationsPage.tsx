import { NotificationInbox } from '../features/notifications/components/NotificationInbox';
import { useDocumentTitle } from '../lib/use-document-title';

export function NotificationsPage() {
  useDocumentTitle('Notifications');
  return (
    <div className="mx-auto max-w-2xl px-4 py-8 sm:px-6 sm:py-12">
      <NotificationInbox />
    </div>
  );
}
