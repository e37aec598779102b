import { useQuery } from '@tanstack/react-query';
import { categoriesQuery, colorsQuery, conditionsQuery } from '../../listings/api/taxonomy';
import type { Facets } from '../api/search';
import type { LabelSources } from '../filter-labels';

/** What names the filters of a search: its facets when at hand, and the taxonomy. */
export function useLabelSources(facets?: Facets): LabelSources {
  const categories = useQuery(categoriesQuery).data;
  const conditions = useQuery(conditionsQuery).data;
  const colors = useQuery(colorsQuery).data;
  return { facets, categories, conditions, colors };
}
