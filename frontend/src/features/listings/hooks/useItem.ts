import { useQuery } from '@tanstack/react-query';
import { fetchItem, itemQueryKey } from '../api/items';

export function useItem(itemId: string) {
  return useQuery({ queryKey: itemQueryKey(itemId), queryFn: () => fetchItem(itemId) });
}
