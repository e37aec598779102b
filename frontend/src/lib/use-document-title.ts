import { useEffect } from 'react';

const SITE_NAME = 'Reloop';

/** React 18 has no `<title>` hoisting, so pages set the tab title through this hook. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title
      ? `${title} · ${SITE_NAME}`
      : `${SITE_NAME} — give good things a second life`;
  }, [title]);
}
