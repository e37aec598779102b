import { BellAlertIcon } from '@heroicons/react/24/outline';
import { useState } from 'react';
import { Button } from '../../../components/ui/Button';
import { useMe } from '../../auth/hooks/useMe';
import { useSignInRedirect } from '../../auth/hooks/useSignInRedirect';
import type { SearchFilters } from '../search-state';
import { SaveSearchDialog } from './SaveSearchDialog';

interface SaveSearchButtonProps {
  filters: SearchFilters;
  suggestedName: string;
}

/** Members save the search to hear of new matches; visitors sign in first and come back. */
export function SaveSearchButton({ filters, suggestedName }: SaveSearchButtonProps) {
  const { data: member } = useMe();
  const signIn = useSignInRedirect();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => {
          if (member) setOpen(true);
          else signIn();
        }}
      >
        <BellAlertIcon className="size-4" aria-hidden="true" />
        Save search
      </Button>
      {open && (
        <SaveSearchDialog
          filters={filters}
          suggestedName={suggestedName}
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
