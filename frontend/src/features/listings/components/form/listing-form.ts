import type { Path } from 'react-hook-form';
import { z } from 'zod';
import { formatMoney, minorToDecimal, parseMoneyInput } from '../../../../lib/money';
import type { Me } from '../../../auth/api/me';
import type { ItemCreate, ItemDetail, ItemUpdate } from '../../api/items';

/*
 * The listing rules, mirrored from the API (ItemCreate and its checks) so sellers learn
 * about a problem as they type. The server stays the authority, and its field errors land
 * on the same fields (LISTING_SERVER_FIELDS).
 */

export const TITLE_MAX_LENGTH = 80;
export const DESCRIPTION_MAX_LENGTH = 2000;
export const CITY_MAX_LENGTH = 80;
export const MAX_COLORS = 3;
const TITLE_MIN_LENGTH = 3;
const QUANTITY_MAX = 999;
const CURRENCY = 'EUR';
const PRICE_MIN_MINOR = 100;
const PRICE_MAX_MINOR = 10_000_000;

const priceRange = `Set a price between ${formatMoney({ amount: PRICE_MIN_MINOR, currency: CURRENCY })} and ${formatMoney({ amount: PRICE_MAX_MINOR, currency: CURRENCY })}.`;

const brandSchema = z.object({ id: z.string(), slug: z.string(), name: z.string() });

/**
 * `needsSize` says whether a category has sizes, which only the category tree knows: a
 * size is required there and not allowed elsewhere.
 */
export function listingSchema(needsSize: (categoryId: string) => boolean) {
  return z
    .object({
      title: z
        .string()
        .trim()
        .min(TITLE_MIN_LENGTH, `Use at least ${TITLE_MIN_LENGTH} characters.`)
        .max(TITLE_MAX_LENGTH, `Use at most ${TITLE_MAX_LENGTH} characters.`),
      description: z
        .string()
        .trim()
        .max(DESCRIPTION_MAX_LENGTH, `Use at most ${DESCRIPTION_MAX_LENGTH} characters.`),
      category_id: z.string().min(1, 'Choose a category.'),
      brand: brandSchema.nullable(),
      size_id: z.string(),
      condition: z.string().min(1, 'Choose the condition.'),
      colors: z
        .array(z.string())
        .min(1, 'Choose at least one colour.')
        .max(MAX_COLORS, `Choose up to ${MAX_COLORS} colours.`),
      price: z.string().transform((text, context) => {
        const amount = parseMoneyInput(text, CURRENCY);
        if (amount === null) {
          context.addIssue({
            code: 'custom',
            message: text.trim() ? 'Enter a price like 12 or 12.50.' : 'Enter a price.',
          });
          return z.NEVER;
        }
        if (amount < PRICE_MIN_MINOR || amount > PRICE_MAX_MINOR) {
          context.addIssue({ code: 'custom', message: priceRange });
          return z.NEVER;
        }
        return amount;
      }),
      quantity: z
        .string()
        .trim()
        .regex(/^\d+$/, 'Enter a whole number.')
        .transform(Number)
        .pipe(
          z.number().min(1, 'Sell at least 1.').max(QUANTITY_MAX, `Sell at most ${QUANTITY_MAX}.`),
        ),
      country: z.string().min(1, 'Choose the country the item ships from.'),
      city: z
        .string()
        .trim()
        .min(1, 'Enter the town or city.')
        .max(CITY_MAX_LENGTH, `Use at most ${CITY_MAX_LENGTH} characters.`),
    })
    .refine((values) => !needsSize(values.category_id) || values.size_id, {
      path: ['size_id'],
      message: 'Choose a size.',
    });
}

type ListingSchema = ReturnType<typeof listingSchema>;
/** What the form holds: text as typed. */
export type ListingInput = z.input<ListingSchema>;
/** What a valid form gives: the price in minor units, the quantity a number. */
export type ListingValues = z.output<ListingSchema>;

/** A new listing: it ships from where the member lives, if their profile says. */
export function newListingInput(member: Me): ListingInput {
  return {
    title: '',
    description: '',
    category_id: '',
    brand: null,
    size_id: '',
    condition: '',
    colors: [],
    price: '',
    quantity: '1',
    country: member.location?.country ?? '',
    city: member.location?.city ?? '',
  };
}

export function listingInputOf(item: ItemDetail): ListingInput {
  return {
    title: item.title,
    description: item.description,
    category_id: item.category.id,
    brand: item.brand ?? null,
    size_id: item.size?.id ?? '',
    condition: item.condition.key,
    colors: item.colors.map((color) => color.key),
    price: minorToDecimal(item.price.amount, item.price.currency),
    quantity: String(item.quantity),
    country: item.location.country,
    city: item.location.city,
  };
}

export function itemCreateOf(
  values: ListingValues,
  imageIds: string[],
  status: 'draft' | 'active',
): ItemCreate {
  return {
    title: values.title,
    description: values.description,
    category_id: values.category_id,
    brand_id: values.brand?.id ?? null,
    size_id: values.size_id || null,
    condition: values.condition,
    colors: values.colors,
    price: { amount: values.price, currency: CURRENCY },
    quantity: values.quantity,
    location: { country: values.country, city: values.city },
    image_ids: imageIds,
    status,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * Only what differs from `item`, as PATCH /items/{id} expects. The size is sent whenever
 * the category changes, because the API keeps the old one otherwise.
 */
export function itemChangesOf(
  item: ItemDetail,
  values: ListingValues,
  imageIds: string[],
): ItemUpdate {
  const changes: ItemUpdate = {};
  if (values.title !== item.title) changes.title = values.title;
  if (values.description !== item.description) changes.description = values.description;
  if (values.category_id !== item.category.id) changes.category_id = values.category_id;
  const brandId = values.brand?.id ?? null;
  if (brandId !== (item.brand?.id ?? null)) changes.brand_id = brandId;
  const sizeId = values.size_id || null;
  if (sizeId !== (item.size?.id ?? null) || changes.category_id) changes.size_id = sizeId;
  if (values.condition !== item.condition.key) changes.condition = values.condition;
  const colors = item.colors.map((color) => color.key);
  if (!sameList(values.colors, colors)) changes.colors = values.colors;
  if (values.price !== item.price.amount) {
    changes.price = { amount: values.price, currency: item.price.currency };
  }
  if (values.quantity !== item.quantity) changes.quantity = values.quantity;
  if (values.country !== item.location.country || values.city !== item.location.city) {
    changes.location = { country: values.country, city: values.city };
  }
  const images = item.images.map((image) => image.id);
  if (!sameList(imageIds, images)) changes.image_ids = imageIds;
  return changes;
}

/** Where the photo area shows its problems; the photos are not a form field. */
export const PHOTOS_ERROR = 'root.photos';

/** The API's field names, as its errors give them, to the form's fields. */
export const LISTING_SERVER_FIELDS: Partial<
  Record<string, Path<ListingInput> | typeof PHOTOS_ERROR>
> = {
  title: 'title',
  description: 'description',
  category_id: 'category_id',
  brand_id: 'brand',
  size_id: 'size_id',
  condition: 'condition',
  colors: 'colors',
  price: 'price',
  'price.amount': 'price',
  'price.currency': 'price',
  quantity: 'quantity',
  location: 'country',
  'location.country': 'country',
  'location.city': 'city',
  image_ids: PHOTOS_ERROR,
};
