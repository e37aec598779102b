import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../../../components/ui/FormAlert';
import { SubmitButton } from '../../../../components/ui/SubmitButton';
import { flashState } from '../../../../lib/flash';
import { applyServerErrors } from '../../../../lib/form-errors';
import type { Me } from '../../../auth/api/me';
import {
  createItem,
  itemQueryKey,
  type ItemDetail,
  myItemsQueryKey,
  sellerItemsQueryKey,
} from '../../api/items';
import type { ListingTaxonomy } from '../../api/taxonomy';
import { useListingForm } from '../../hooks/useListingForm';
import { FormFooter } from '../form/FormFooter';
import { listingFailure } from '../form/listing-failure';
import { itemCreateOf, LISTING_SERVER_FIELDS, newListingInput } from '../form/listing-form';
import { ListingFormFields } from '../form/ListingFormFields';

type Intent = 'draft' | 'active';

/** Everything to list an item; it is saved as a draft or published, then shown. */
export function SellForm({ member, taxonomy }: { member: Me; taxonomy: ListingTaxonomy }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { form, uploads, photosRef, photoIdsToSend } = useListingForm(
    taxonomy,
    newListingInput(member),
    [],
  );
  // Which button sent the form; Enter in a field "clicks" the first one, Save draft.
  const intent = useRef<Intent>('draft');
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation({ mutationFn: createItem });

  const onCreated = (item: ItemDetail) => {
    queryClient.setQueryData(itemQueryKey(item.id), item);
    void queryClient.invalidateQueries({ queryKey: myItemsQueryKey });
    void queryClient.invalidateQueries({ queryKey: sellerItemsQueryKey(member.username) });
    const message =
      item.status === 'active'
        ? 'Your listing is live.'
        : 'Your draft is saved. Only you can see it until you publish it.';
    void navigate(`/items/${item.id}`, { state: flashState(message) });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const status = intent.current;
    const publish = status === 'active';
    void form.handleSubmit(
      (values) => {
        if (create.isPending) return;
        const imageIds = photoIdsToSend(publish, true);
        if (!imageIds) return;
        setFormError(null);
        create.mutate(itemCreateOf(values, imageIds, status), {
          onSuccess: onCreated,
          onError: (error) => {
            setFormError(
              listingFailure(error) ??
                applyServerErrors(error, form.setError, LISTING_SERVER_FIELDS),
            );
          },
        });
      },
      // The field errors are shown; the photos' are added so that all show at once.
      () => {
        photoIdsToSend(publish, false);
      },
    )(event);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <ListingFormFields form={form} taxonomy={taxonomy} uploads={uploads} photosRef={photosRef} />
      <FormFooter
        alert={formError && <FormAlert>{formError}</FormAlert>}
        note={
          member.email_verified
            ? 'A draft is only visible to you.'
            : 'Confirm your email address to publish. You can save a draft now.'
        }
      >
        <SubmitButton
          variant="secondary"
          pending={create.isPending && create.variables.status === 'draft'}
          onClick={() => {
            intent.current = 'draft';
          }}
        >
          Save draft
        </SubmitButton>
        <SubmitButton
          pending={create.isPending && create.variables.status === 'active'}
          onClick={() => {
            intent.current = 'active';
          }}
        >
          Publish
        </SubmitButton>
      </FormFooter>
    </form>
  );
}
