import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import type { components } from '../../../api/schema';

export type CategoryNode = components['schemas']['CategoryNode'];
export type Brand = components['schemas']['BrandOut'];
export type Size = components['schemas']['SizeOut'];
export type Condition = components['schemas']['ConditionOut'];
export type Color = components['schemas']['ColorOut'];

/** What a listing form offers to choose from. */
export interface ListingTaxonomy {
  categories: CategoryNode[];
  conditions: Condition[];
  colors: Color[];
}

// The API lets clients cache the taxonomy for an hour; it changes with releases, not users.
const TAXONOMY_STALE_MS = 60 * 60 * 1000;

export const categoriesQuery = queryOptions({
  queryKey: ['taxonomy', 'categories'],
  queryFn: async () => dataOrThrow(await apiClient.GET('/api/v1/categories')).items,
  staleTime: TAXONOMY_STALE_MS,
});

export const conditionsQuery = queryOptions({
  queryKey: ['taxonomy', 'conditions'],
  queryFn: async () => dataOrThrow(await apiClient.GET('/api/v1/conditions')).items,
  staleTime: TAXONOMY_STALE_MS,
});

export const colorsQuery = queryOptions({
  queryKey: ['taxonomy', 'colors'],
  queryFn: async () => dataOrThrow(await apiClient.GET('/api/v1/colors')).items,
  staleTime: TAXONOMY_STALE_MS,
});

export function sizesQuery(categoryId: string) {
  return queryOptions({
    queryKey: ['taxonomy', 'sizes', categoryId],
    queryFn: async () =>
      dataOrThrow(
        await apiClient.GET('/api/v1/sizes', { params: { query: { category: categoryId } } }),
      ).items,
    staleTime: TAXONOMY_STALE_MS,
  });
}

export const BRAND_SUGGESTIONS = 8;

export function brandsQuery(search: string) {
  return queryOptions({
    queryKey: ['taxonomy', 'brands', search],
    queryFn: async ({ signal }) =>
      dataOrThrow(
        await apiClient.GET('/api/v1/brands', {
          params: { query: { q: search, limit: BRAND_SUGGESTIONS } },
          signal,
        }),
      ).items,
    staleTime: TAXONOMY_STALE_MS,
  });
}

/** The categories from a root down to the one with `id`, or null when it is not in the tree. */
export function categoryPath(tree: CategoryNode[], id: string): CategoryNode[] | null {
  for (const node of tree) {
    if (node.id === id) return [node];
    const below = categoryPath(node.children, id);
    if (below) return [node, ...below];
  }
  return null;
}
