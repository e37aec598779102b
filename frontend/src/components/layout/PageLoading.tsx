import { Spinner } from '../ui/Spinner';

/** Shown in the page area while a page's code or data is on its way. */
export function PageLoading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="flex justify-center px-4 py-24">
      <p role="status" className="flex items-center gap-3 text-stone-700">
        <Spinner />
        {label}
      </p>
    </div>
  );
}
