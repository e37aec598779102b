/** The confirmation page lists the orders a checkout made; their ids are in the URL. */
export function confirmationPath(orderIds: string[]): string {
  return `/checkout/complete?${new URLSearchParams({ orders: orderIds.join(',') }).toString()}`;
}

export function confirmedOrderIds(search: URLSearchParams): string[] {
  return (search.get('orders') ?? '').split(',').filter((id) => /^[0-9a-f-]{36}$/i.test(id));
}
