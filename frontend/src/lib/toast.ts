import { createContext, useContext } from 'react';

export type ToastTone = 'error' | 'info';

/** A link in a toast, to where the thing that happened can be seen: "View cart". */
export interface ToastLink {
  label: string;
  to: string;
}

/** Short messages about something that happened on this page, such as an undone like. */
export interface Toaster {
  show: (message: string, tone?: ToastTone, link?: ToastLink) => void;
}

export const ToastContext = createContext<Toaster | null>(null);

export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToast needs a ToastProvider (AppLayout renders one)');
  return toaster;
}
