import { ShareIcon } from '@heroicons/react/20/solid';
import { useEffect, useState } from 'react';
import { Button } from '../../../../components/ui/Button';

const FEEDBACK_MS = 4000;

/** The system share sheet, if any: typed as always there, but most desktops lack it. */
function systemShare(): ((data: ShareData) => Promise<void>) | null {
  const share = (navigator as Partial<Navigator>).share;
  return share ? share.bind(navigator) : null;
}

/**
 * Shares the page: the system share sheet where there is one (phones), otherwise the link
 * is copied, and the button says so.
 */
export function ShareButton({ title }: { title: string }) {
  const [feedback, setFeedback] = useState<string | null>(null);

  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => {
      setFeedback(null);
    }, FEEDBACK_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [feedback]);

  const share = async () => {
    const url = window.location.href;
    const share = systemShare();
    if (share) {
      // Closing the share sheet rejects too; there is nothing to report then.
      await share({ title, url }).catch(() => undefined);
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setFeedback('Link copied');
    } catch {
      setFeedback('Copying failed: copy the address from the address bar.');
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" onClick={() => void share()}>
        <ShareIcon className="size-4" aria-hidden="true" />
        Share
      </Button>
      <p role="status" className="text-sm font-medium text-stone-700">
        {feedback}
      </p>
    </div>
  );
}
