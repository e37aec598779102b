import { Dialog, DialogBackdrop, DialogPanel, DialogTitle } from '@headlessui/react';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { TextField } from '../../../components/ui/TextField';
import { formErrorMessage } from '../../../lib/form-errors';
import { useToast } from '../../../lib/toast';
import { useSaveSearch } from '../hooks/useSavedSearches';
import type { SearchFilters } from '../search-state';

// The API's limit (search/schemas.py, SavedSearchCreate.name).
const MAX_SAVED_SEARCH_NAME = 80;

interface SaveSearchDialogProps {
  filters: SearchFilters;
  /** The name offered, from the words and filters. */
  suggestedName: string;
  onClose: () => void;
}

/** Names the search and chooses whether new matches are also emailed once a day. */
export function SaveSearchDialog({ filters, suggestedName, onClose }: SaveSearchDialogProps) {
  // Null until the member types: the name offered follows the filters' names, which may
  // arrive after the dialog opens (with the results that carry them).
  const [typedName, setTypedName] = useState<string | null>(null);
  const name = typedName ?? suggestedName.slice(0, MAX_SAVED_SEARCH_NAME);
  const [emailAlerts, setEmailAlerts] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const save = useSaveSearch();
  const toast = useToast();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('Give the search a name.');
      return;
    }
    if (save.isPending) return;
    save.mutate(
      { name: trimmed, query: filters, email_alerts: emailAlerts },
      {
        onSuccess: () => {
          toast.show(
            `Search saved. New listings that match “${trimmed}” will show in your notifications.`,
            'info',
          );
          onClose();
        },
      },
    );
  }

  return (
    <Dialog open onClose={onClose} className="relative z-50">
      <DialogBackdrop className="fixed inset-0 bg-stone-950/40" />
      <div className="fixed inset-0 flex items-end justify-center p-4 sm:items-center">
        <DialogPanel className="w-full max-w-md rounded-2xl bg-white p-6 shadow-xl">
          <DialogTitle className="text-lg font-bold tracking-tight text-stone-900">
            Save this search
          </DialogTitle>
          <p className="mt-1 text-sm leading-6 text-stone-600">
            We let you know when new listings match it.
          </p>
          <form onSubmit={handleSubmit} noValidate className="mt-5 space-y-5">
            {save.error && <FormAlert>{formErrorMessage(save.error)}</FormAlert>}
            <TextField
              label="Name"
              value={name}
              onChange={(event) => {
                setTypedName(event.target.value);
                setNameError(undefined);
              }}
              maxLength={MAX_SAVED_SEARCH_NAME}
              error={nameError}
              autoComplete="off"
              data-autofocus
            />
            <label className="flex cursor-pointer items-start gap-3 text-sm leading-6 text-stone-800">
              <input
                type="checkbox"
                checked={emailAlerts}
                onChange={(event) => {
                  setEmailAlerts(event.target.checked);
                }}
                className="mt-1 size-4 shrink-0 accent-brand-700"
              />
              Also email me a daily summary of new matches
            </label>
            <div className="flex flex-col-reverse gap-3 pt-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={onClose}>
                Cancel
              </Button>
              <SubmitButton pending={save.isPending}>Save search</SubmitButton>
            </div>
          </form>
        </DialogPanel>
      </div>
    </Dialog>
  );
}
