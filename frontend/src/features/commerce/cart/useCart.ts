import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../auth/hooks/useMe';
import { cartQueryKey, deleteCartItem, fetchCart, putCartItem } from '../api/cart';
import type { Cart } from '../api/types';

/** The signed-in member's cart, revalidated by the API on every read; visitors have none. */
export function useCart() {
  const { data: member } = useMe();
  return useQuery({
    queryKey: cartQueryKey,
    queryFn: ({ signal }) => fetchCart(signal),
    enabled: Boolean(member),
  });
}

/** Each change answers the whole cart, which replaces the cached one. */
export function useSetCartQuantity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, quantity }: { itemId: string; quantity: number }) =>
      putCartItem(itemId, quantity),
    onSuccess: (cart) => {
      queryClient.setQueryData<Cart>(cartQueryKey, cart);
    },
  });
}

export function useRemoveCartLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) => deleteCartItem(itemId),
    onSuccess: (cart) => {
      queryClient.setQueryData<Cart>(cartQueryKey, cart);
    },
  });
}
