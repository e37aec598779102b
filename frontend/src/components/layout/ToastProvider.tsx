import { ExclamationTriangleIcon, InformationCircleIcon } from '@heroicons/react/20/solid';
import { XMarkIcon } from '@heroicons/react/16/solid';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ToastContext, type Toaster, type ToastLink, type ToastTone } from '../../lib/toast';

const TOAST_MS = 6000;

interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
  link?: ToastLink | undefined;
}

function ToastCard({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }) {
  // The timer outlives renders; it calls whatever `onDismiss` is current.
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  }, [onDismiss]);
  useEffect(() => {
    const timer = setTimeout(() => {
      dismiss.current();
    }, TOAST_MS);
    return () => {
      clearTimeout(timer);
    };
  }, []);

  const Icon = toast.tone === 'error' ? ExclamationTriangleIcon : InformationCircleIcon;
  return (
    <div
      role={toast.tone === 'error' ? 'alert' : 'status'}
      className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-xl bg-stone-900 px-4 py-3 text-sm leading-6 text-white shadow-lg"
    >
      <Icon
        className={`mt-0.5 size-5 shrink-0 ${toast.tone === 'error' ? 'text-red-300' : 'text-brand-300'}`}
        aria-hidden="true"
      />
      <p className="min-w-0 flex-1">
        {toast.message}
        {toast.link && (
          <>
            {' '}
            <Link
              to={toast.link.to}
              onClick={onDismiss}
              className="font-semibold whitespace-nowrap text-brand-200 underline underline-offset-2 hover:text-white"
            >
              {toast.link.label}
            </Link>
          </>
        )}
      </p>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className="-mr-1 rounded-md p-1 text-stone-300 hover:bg-white/10 hover:text-white"
      >
        <XMarkIcon className="size-4" aria-hidden="true" />
      </button>
    </div>
  );
}

/** Holds the page's toasts and shows them at the bottom of the screen for a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(0);
  const toaster = useMemo<Toaster>(
    () => ({
      show: (message, tone = 'error', link) => {
        nextId.current += 1;
        const id = nextId.current;
        setToasts((shown) => [...shown, { id, message, tone, link }]);
      },
    }),
    [],
  );

  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end sm:p-6">
        {toasts.map((toast) => (
          <ToastCard
            key={toast.id}
            toast={toast}
            onDismiss={() => {
              setToasts((shown) => shown.filter((other) => other.id !== toast.id));
            }}
          />
        ))}
      </div>
    </ToastContext.Provider>
  );
}
