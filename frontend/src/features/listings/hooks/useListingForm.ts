import { zodResolver } from '@hookform/resolvers/zod';
import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import type { ImageOut } from '../../media/api/uploads';
import {
  categoriesQuery,
  categoryPath,
  colorsQuery,
  conditionsQuery,
  type ListingTaxonomy,
} from '../api/taxonomy';
import {
  type ListingInput,
  listingSchema,
  type ListingValues,
  PHOTOS_ERROR,
} from '../components/form/listing-form';
import { readyImageIds } from '../components/photos/photo-list';
import { usePhotoUploads } from './usePhotoUploads';

/** The categories, conditions and colours a listing form offers, loaded together. */
export function useListingTaxonomy() {
  return useQueries({
    queries: [categoriesQuery, conditionsQuery, colorsQuery],
    combine: ([categories, conditions, colors]) => ({
      data:
        categories.data && conditions.data && colors.data
          ? ({
              categories: categories.data,
              conditions: conditions.data,
              colors: colors.data,
            } satisfies ListingTaxonomy)
          : undefined,
      error: categories.error ?? conditions.error ?? colors.error,
    }),
  });
}

/**
 * The form state of a listing: its fields (React Hook Form, checked by the listing
 * schema) and its photos (uploaded as soon as they are picked).
 */
export function useListingForm(
  taxonomy: ListingTaxonomy,
  defaults: ListingInput,
  images: ImageOut[],
) {
  const needsSize = useCallback(
    (categoryId: string) =>
      categoryPath(taxonomy.categories, categoryId)?.at(-1)?.has_sizes ?? false,
    [taxonomy.categories],
  );
  const schema = useMemo(() => listingSchema(needsSize), [needsSize]);
  const form = useForm<ListingInput, unknown, ListingValues>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
  });
  const uploads = usePhotoUploads(images);
  const photosRef = useRef<HTMLButtonElement>(null);
  const { photos } = uploads;
  const { setError } = form;

  /**
   * The ids of the photos to send, in order, or null after saying on the photo area why
   * the listing cannot be sent yet. `focus` moves there when nothing else is wrong.
   */
  const photoIdsToSend = (publish: boolean, focus: boolean): string[] | null => {
    let problem: string | null = null;
    if (photos.some((photo) => photo.stage === 'uploading' || photo.stage === 'processing')) {
      problem = 'Wait until every photo has finished uploading.';
    } else if (photos.some((photo) => photo.stage === 'failed')) {
      problem = 'Retry or remove the photos that failed.';
    } else if (publish && photos.length === 0) {
      problem = 'Add at least one photo to publish.';
    }
    if (problem === null) return readyImageIds(photos);
    setError(PHOTOS_ERROR, { type: 'photos', message: problem });
    if (focus) photosRef.current?.focus();
    return null;
  };

  return { form, uploads, photosRef, photoIdsToSend };
}
