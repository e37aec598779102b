import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { flashState } from '../../../../lib/flash';
import {
  fetchItem,
  type ItemDetail,
  itemQueryKey,
  myItemsQueryKey,
  sellerItemsQueryKey,
} from '../../api/items';
import type { ListingTaxonomy } from '../../api/taxonomy';
import { ConflictAlert } from './ConflictAlert';
import { EditListingForm } from './EditListingForm';
import { ListingStatusPanel } from './ListingStatusPanel';

/**
 * Editing one listing: its status moves and its form. Both work on `base`, the version
 * loaded when the page opened, so a background refetch can never slip a newer version
 * under the seller's edits; after a 412 the seller reloads it on purpose.
 */
export function EditListing({ item, taxonomy }: { item: ItemDetail; taxonomy: ListingTaxonomy }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [base, setBase] = useState(item);
  // Bumped on reload, to start the form afresh from the new version.
  const [generation, setGeneration] = useState(0);
  const [conflict, setConflict] = useState<'form' | 'status' | null>(null);

  const refreshLists = () => {
    void queryClient.invalidateQueries({ queryKey: myItemsQueryKey });
    void queryClient.invalidateQueries({ queryKey: sellerItemsQueryKey(base.seller.username) });
  };
  const remember = (updated: ItemDetail) => {
    queryClient.setQueryData(itemQueryKey(updated.id), updated);
    refreshLists();
  };

  const reload = useMutation({
    mutationFn: () => fetchItem(base.id),
    onSuccess: (latest) => {
      queryClient.setQueryData(itemQueryKey(latest.id), latest);
      setBase(latest);
      setConflict(null);
      setGeneration((current) => current + 1);
    },
  });
  const conflictAlert = (
    <ConflictAlert
      reloading={reload.isPending}
      onReload={() => {
        reload.mutate();
      }}
    />
  );

  return (
    <div className="space-y-6">
      {conflict === 'status' && conflictAlert}
      <ListingStatusPanel
        item={base}
        onChanged={(updated) => {
          remember(updated);
          setBase(updated);
        }}
        onDeleted={async () => {
          refreshLists();
          await navigate('/my/listings', { state: flashState('Your listing is deleted.') });
          // Forgotten once this page, which reads it, is gone: nothing shows it again.
          queryClient.removeQueries({ queryKey: itemQueryKey(base.id) });
        }}
        onConflict={() => {
          setConflict('status');
        }}
      />
      <EditListingForm
        key={generation}
        item={base}
        taxonomy={taxonomy}
        conflict={conflict === 'form' ? conflictAlert : null}
        onConflict={() => {
          setConflict('form');
        }}
        onSaved={(updated) => {
          remember(updated);
          const message =
            base.status === 'draft' && updated.status === 'active'
              ? 'Your listing is live.'
              : 'Your changes are saved.';
          void navigate(`/items/${updated.id}`, { state: flashState(message) });
        }}
      />
    </div>
  );
}
