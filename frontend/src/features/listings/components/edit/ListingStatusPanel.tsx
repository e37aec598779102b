import { CheckBadgeIcon, EyeIcon, EyeSlashIcon, TrashIcon } from '@heroicons/react/20/solid';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Button } from '../../../../components/ui/Button';
import { ConfirmDialog } from '../../../../components/ui/ConfirmDialog';
import { FormAlert } from '../../../../components/ui/FormAlert';
import { ApiError } from '../../../../lib/api-error';
import { formErrorMessage } from '../../../../lib/form-errors';
import { deleteItem, type ItemDetail, updateItem } from '../../api/items';
import { StatusBadge } from '../StatusBadge';

type Move = 'active' | 'hidden' | 'sold';

const EXPLANATIONS: Partial<Record<ItemDetail['status'], string>> = {
  draft: 'A draft: only you can see it. Publish it with the button at the end of the form.',
  active: 'For sale: everyone can see and buy it.',
  hidden: 'Hidden: only you can see it, and nobody can buy it until you show it again.',
  sold: 'Sold: it stays on your profile, marked sold, and can no longer be bought.',
  reserved: 'Reserved: a buyer is checking out. It can change again once that is settled.',
};

interface ListingStatusPanelProps {
  item: ItemDetail;
  onChanged: (item: ItemDetail) => void;
  onDeleted: () => Promise<void>;
  /** A 412: the listing changed elsewhere since it was loaded. */
  onConflict: () => void;
}

/** Where the listing stands, and the moves a seller may make from there. */
export function ListingStatusPanel({
  item,
  onChanged,
  onDeleted,
  onConflict,
}: ListingStatusPanelProps) {
  const [confirming, setConfirming] = useState<'sold' | 'delete' | null>(null);
  const move = useMutation({
    mutationFn: (status: Move) => updateItem(item, { status }),
    onSuccess: (updated) => {
      setConfirming(null);
      onChanged(updated);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) {
        setConfirming(null);
        onConflict();
      }
    },
  });
  const remove = useMutation({ mutationFn: () => deleteItem(item.id), onSuccess: onDeleted });
  const moveFailed = move.error && !(move.error instanceof ApiError && move.error.status === 412);

  const moveTo = (status: Move) => {
    if (!move.isPending) move.mutate(status);
  };
  const { status } = item;
  const actions: ReactNode[] = [];
  if (status === 'active') {
    actions.push(
      <Button
        key="hide"
        variant="secondary"
        size="sm"
        onClick={() => {
          moveTo('hidden');
        }}
      >
        <EyeSlashIcon className="size-4" aria-hidden="true" />
        Hide
      </Button>,
    );
  }
  if (status === 'hidden') {
    actions.push(
      <Button
        key="show"
        variant="secondary"
        size="sm"
        onClick={() => {
          moveTo('active');
        }}
      >
        <EyeIcon className="size-4" aria-hidden="true" />
        Show again
      </Button>,
    );
  }
  if (status === 'active' || status === 'hidden') {
    actions.push(
      <Button
        key="sold"
        variant="secondary"
        size="sm"
        onClick={() => {
          setConfirming('sold');
        }}
      >
        <CheckBadgeIcon className="size-4" aria-hidden="true" />
        Mark as sold
      </Button>,
    );
  }
  if (status !== 'reserved') {
    actions.push(
      <Button
        key="delete"
        variant="ghost"
        size="sm"
        className="text-red-700 hover:bg-red-50 hover:text-red-800"
        onClick={() => {
          setConfirming('delete');
        }}
      >
        <TrashIcon className="size-4" aria-hidden="true" />
        Delete
      </Button>,
    );
  }

  return (
    <section
      aria-labelledby="listing-status-heading"
      className="rounded-2xl bg-white px-4 py-5 shadow-sm ring-1 ring-stone-200 sm:px-7"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id="listing-status-heading" className="text-lg font-bold tracking-tight text-stone-900">
          Status
        </h2>
        <StatusBadge status={status} />
      </div>
      <p className="mt-1 text-sm leading-6 text-stone-600">{EXPLANATIONS[status]}</p>
      {moveFailed && (
        <div className="mt-4">
          <FormAlert>{formErrorMessage(move.error)}</FormAlert>
        </div>
      )}
      {actions.length > 0 && <div className="mt-4 flex flex-wrap gap-2">{actions}</div>}

      <ConfirmDialog
        open={confirming === 'sold'}
        title="Mark this listing as sold?"
        confirmLabel="Mark as sold"
        pending={move.isPending}
        error={moveFailed ? formErrorMessage(move.error) : null}
        onConfirm={() => {
          moveTo('sold');
        }}
        onCancel={() => {
          move.reset();
          setConfirming(null);
        }}
      >
        Buyers will see it as sold and can no longer buy it. This cannot be undone.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'delete'}
        title="Delete this listing?"
        confirmLabel="Delete listing"
        tone="danger"
        pending={remove.isPending}
        error={remove.error ? formErrorMessage(remove.error) : null}
        onConfirm={() => {
          remove.mutate();
        }}
        onCancel={() => {
          remove.reset();
          setConfirming(null);
        }}
      >
        “{item.title}” disappears from Reloop for good, with its photos. This cannot be undone.
      </ConfirmDialog>
    </section>
  );
}
