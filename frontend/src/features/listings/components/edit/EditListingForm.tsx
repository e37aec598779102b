import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { FormAlert, StatusNote } from '../../../../components/ui/FormAlert';
import { SubmitButton } from '../../../../components/ui/SubmitButton';
import { ApiError } from '../../../../lib/api-error';
import { applyServerErrors } from '../../../../lib/form-errors';
import { type ItemDetail, type ItemUpdate, updateItem } from '../../api/items';
import type { ListingTaxonomy } from '../../api/taxonomy';
import { useListingForm } from '../../hooks/useListingForm';
import { FormFooter } from '../form/FormFooter';
import { listingFailure } from '../form/listing-failure';
import { itemChangesOf, LISTING_SERVER_FIELDS, listingInputOf } from '../form/listing-form';
import { ListingFormFields } from '../form/ListingFormFields';

interface EditListingFormProps {
  /** The version being edited; its ETag goes in If-Match. */
  item: ItemDetail;
  taxonomy: ListingTaxonomy;
  onSaved: (item: ItemDetail) => void;
  /** A 412: the listing changed elsewhere since it was loaded. */
  onConflict: () => void;
  /** Shown above the buttons after a 412, with the way out. */
  conflict: ReactNode;
}

/**
 * The listing form filled in from `item`. Only the fields that differ are sent, made
 * against `item.version`, so a change saved elsewhere meanwhile is refused, not undone.
 */
export function EditListingForm({
  item,
  taxonomy,
  onSaved,
  onConflict,
  conflict,
}: EditListingFormProps) {
  const { form, uploads, photosRef, photoIdsToSend } = useListingForm(
    taxonomy,
    listingInputOf(item),
    item.images,
  );
  const isDraft = item.status === 'draft';
  // Which button sent the form: a draft can be saved, or published with its changes.
  const publish = useRef(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const save = useMutation({
    mutationFn: (changes: ItemUpdate) => updateItem(item, changes),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const publishing = isDraft && publish.current;
    // An active listing must keep a photo; a draft, hidden or sold one may have none.
    const needsPhotos = publishing || item.status === 'active';
    void form.handleSubmit(
      (values) => {
        if (save.isPending) return;
        const imageIds = photoIdsToSend(needsPhotos, true);
        if (!imageIds) return;
        const changes = itemChangesOf(item, values, imageIds);
        if (publishing) changes.status = 'active';
        const nothing = Object.keys(changes).length === 0;
        setFormError(null);
        setUnchanged(nothing);
        if (nothing) return;
        save.mutate(changes, {
          onSuccess: onSaved,
          onError: (error) => {
            if (error instanceof ApiError && error.status === 412) {
              onConflict();
              return;
            }
            setFormError(
              listingFailure(error) ??
                applyServerErrors(error, form.setError, LISTING_SERVER_FIELDS),
            );
          },
        });
      },
      () => {
        photoIdsToSend(needsPhotos, false);
      },
    )(event);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <ListingFormFields form={form} taxonomy={taxonomy} uploads={uploads} photosRef={photosRef} />
      <FormFooter
        alert={conflict ?? (formError && <FormAlert>{formError}</FormAlert>)}
        note={
          <StatusNote>{unchanged && 'Nothing to save: the listing already says this.'}</StatusNote>
        }
      >
        {isDraft ? (
          <>
            <SubmitButton
              variant="secondary"
              pending={save.isPending && !save.variables.status}
              onClick={() => {
                publish.current = false;
              }}
            >
              Save draft
            </SubmitButton>
            <SubmitButton
              pending={save.isPending && save.variables.status === 'active'}
              onClick={() => {
                publish.current = true;
              }}
            >
              Publish
            </SubmitButton>
          </>
        ) : (
          <SubmitButton pending={save.isPending}>Save changes</SubmitButton>
        )}
      </FormFooter>
    </form>
  );
}
