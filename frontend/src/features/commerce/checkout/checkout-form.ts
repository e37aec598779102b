import { z } from 'zod';
import type { Cart, CheckoutRequest } from '../api/types';

export const ADDRESS_LINE_MAX = 120;
export const NAME_MAX = 120;
export const POSTAL_CODE_MAX = 20;
export const CITY_MAX = 120;

/** Spaces and dashes people type between the groups of four. */
export function cardDigits(text: string): string {
  return text.replace(/[\s-]/g, '');
}

export const cardNumberSchema = z
  .string()
  .trim()
  .min(1, 'Enter a card number.')
  .refine((value) => /^\d{12,19}$/.test(cardDigits(value)), {
    message: 'A card number is 12 to 19 digits.',
  });

export const checkoutSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter the name to deliver to.')
    .max(NAME_MAX, `Use at most ${NAME_MAX} characters.`),
  line1: z
    .string()
    .trim()
    .min(1, 'Enter the street and number.')
    .max(ADDRESS_LINE_MAX, `Use at most ${ADDRESS_LINE_MAX} characters.`),
  line2: z.string().trim().max(ADDRESS_LINE_MAX, `Use at most ${ADDRESS_LINE_MAX} characters.`),
  postal_code: z
    .string()
    .trim()
    .min(1, 'Enter the postal code.')
    .max(POSTAL_CODE_MAX, `Use at most ${POSTAL_CODE_MAX} characters.`),
  city: z
    .string()
    .trim()
    .min(1, 'Enter the town or city.')
    .max(CITY_MAX, `Use at most ${CITY_MAX} characters.`),
  country_code: z.string().length(2, 'Choose the country.'),
  card_number: cardNumberSchema,
});

export type CheckoutValues = z.infer<typeof checkoutSchema>;

/** The API's names for the fields of this form, for server errors to find their field. */
export const CHECKOUT_FIELDS = {
  'shipping_address.name': 'name',
  'shipping_address.line1': 'line1',
  'shipping_address.line2': 'line2',
  'shipping_address.postal_code': 'postal_code',
  'shipping_address.city': 'city',
  'shipping_address.country_code': 'country_code',
  payment_method: 'card_number',
} as const;

/**
 * What POST /checkout takes: every cart line at the price the buyer saw, so a price that
 * moved in between is refused (409) rather than charged.
 */
export function checkoutRequest(cart: Cart, values: CheckoutValues): CheckoutRequest {
  return {
    lines: cart.groups.flatMap((group) =>
      group.lines.map((line) => ({
        item_id: line.item.id,
        quantity: line.quantity,
        unit_price: line.unit_price,
      })),
    ),
    shipping_address: {
      name: values.name,
      line1: values.line1,
      line2: values.line2 || null,
      postal_code: values.postal_code,
      city: values.city,
      country_code: values.country_code,
    },
    payment_method: cardDigits(values.card_number),
  };
}
