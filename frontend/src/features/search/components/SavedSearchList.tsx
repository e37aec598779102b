import { BellAlertIcon, EnvelopeIcon } from '@heroicons/react/24/outline';
import { useState } from 'react';
import { Button, ButtonLink } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { FormAlert } from '../../../components/ui/FormAlert';
import { Spinner } from '../../../components/ui/Spinner';
import { formatDate } from '../../../lib/format';
import { formErrorMessage } from '../../../lib/form-errors';
import { EmptyState } from '../../listings/components/EmptyState';
import type { SavedSearch } from '../api/search';
import { useDeleteSavedSearch, useSavedSearches } from '../hooks/useSavedSearches';
import { filtersOf, searchHref } from '../search-state';

interface SavedSearchRowProps {
  saved: SavedSearch;
  onDelete: (saved: SavedSearch) => void;
}

function SavedSearchRow({ saved, onDelete }: SavedSearchRowProps) {
  const filters = filtersOf(saved.query);
  return (
    <article className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <h2 className="truncate text-base font-semibold text-stone-900">{saved.name}</h2>
        <p className="mt-0.5 text-sm break-words text-stone-600">{saved.summary}</p>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-stone-500">
          <span>Saved {formatDate(saved.created_at)}</span>
          {saved.email_alerts && (
            <span className="inline-flex items-center gap-1">
              <EnvelopeIcon className="size-3.5" aria-hidden="true" />
              Daily email
            </span>
          )}
        </p>
      </div>
      <div className="flex shrink-0 gap-2">
        <ButtonLink to={searchHref(filters)} variant="secondary" size="sm">
          Run <span className="sr-only">“{saved.name}”</span>
        </ButtonLink>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            onDelete(saved);
          }}
        >
          Delete <span className="sr-only">“{saved.name}”</span>
        </Button>
      </div>
    </article>
  );
}

/** The member's saved searches: what each looks for, a link to run it, and delete. */
export function SavedSearchList() {
  const savedSearches = useSavedSearches();
  const deletion = useDeleteSavedSearch();
  const [deleting, setDeleting] = useState<SavedSearch | null>(null);

  if (savedSearches.isPending) {
    return (
      <p role="status" className="flex items-center gap-3 py-6 text-stone-700">
        <Spinner />
        Loading your saved searches…
      </p>
    );
  }
  if (!savedSearches.data) {
    return (
      <FormAlert>
        {formErrorMessage(savedSearches.error)}{' '}
        <Button variant="ghost" size="sm" onClick={() => void savedSearches.refetch()}>
          Try again
        </Button>
      </FormAlert>
    );
  }
  if (savedSearches.data.length === 0) {
    return (
      <EmptyState
        icon={BellAlertIcon}
        title="No saved searches yet"
        action={
          <ButtonLink to="/search" variant="secondary">
            Search listings
          </ButtonLink>
        }
      >
        Search, narrow it down, then choose “Save search” to hear of new listings that match.
      </EmptyState>
    );
  }

  const closeConfirm = () => {
    setDeleting(null);
    deletion.reset();
  };
  return (
    <>
      <ul
        aria-label="Your saved searches"
        className="divide-y divide-stone-100 rounded-2xl bg-white shadow-sm ring-1 ring-stone-200"
      >
        {savedSearches.data.map((saved) => (
          <li key={saved.id}>
            <SavedSearchRow saved={saved} onDelete={setDeleting} />
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this saved search?"
        confirmLabel="Delete"
        tone="danger"
        pending={deletion.isPending}
        error={deletion.error ? formErrorMessage(deletion.error) : null}
        onCancel={closeConfirm}
        onConfirm={() => {
          if (deleting) deletion.mutate(deleting.id, { onSuccess: closeConfirm });
        }}
      >
        You will no longer hear of new listings for “{deleting?.name}”. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
