import { ArrowPathIcon } from '@heroicons/react/20/solid';
import { Button } from '../../../../components/ui/Button';
import { FormAlert } from '../../../../components/ui/FormAlert';
import { Spinner } from '../../../../components/ui/Spinner';

interface ConflictAlertProps {
  onReload: () => void;
  reloading: boolean;
}

/**
 * The API refused a change with 412 `item_changed`: the listing was saved elsewhere after
 * this page loaded it. Saving anyway would undo that, so the seller reloads it first.
 */
export function ConflictAlert({ onReload, reloading }: ConflictAlertProps) {
  return (
    <FormAlert>
      <p className="font-semibold">This listing was changed somewhere else.</p>
      <p>
        Someone saved it after you opened this page: you in another tab, or on another device. Your
        changes here are not saved. Reload the listing to see what it says now, then make your
        changes again.
      </p>
      <Button
        variant="secondary"
        size="sm"
        className="mt-3"
        aria-busy={reloading}
        onClick={() => {
          if (!reloading) onReload();
        }}
      >
        {reloading ? (
          <Spinner className="size-4" />
        ) : (
          <ArrowPathIcon className="size-4" aria-hidden="true" />
        )}
        Reload the listing
      </Button>
    </FormAlert>
  );
}
