import type { Me } from '../features/auth/api/me';
import type { SessionInfo } from '../features/auth/api/sessions';
import type { Comment } from '../features/comments/api/comments';
import type { ItemCard, ItemDetail } from '../features/listings/api/items';
import type { CategoryNode } from '../features/listings/api/taxonomy';
import type { ImageOut } from '../features/media/api/uploads';
import type { Notification } from '../features/notifications/api/notifications';
import type { PublicProfile } from '../features/profile/api/public-profile';
import type {
  FacetValue,
  SavedSearch,
  SearchPage,
  Suggestions,
} from '../features/search/api/search';
import type { MemberCard } from '../features/social/api/follows';

export function aMember(overrides: Partial<Me> = {}): Me {
  return {
    id: '0190a1b2-0000-7000-8000-000000000001',
    email: 'ada@example.com',
    username: 'ada',
    display_name: 'Ada Lovelace',
    bio: null,
    location: null,
    role: 'member',
    email_verified: true,
    created_at: '2026-03-14T10:00:00Z',
    ...overrides,
  };
}

export function aProfile(overrides: Partial<PublicProfile> = {}): PublicProfile {
  return {
    id: '0190a1b2-0000-7000-8000-000000000002',
    username: 'grace',
    display_name: 'Grace Hopper',
    bio: 'Vintage computing books and\nmechanical keyboards.',
    location: { country: 'FR', city: 'Lyon' },
    joined_at: '2026-03-14T10:00:00Z',
    counts: { listings: 12, followers: 1, following: 30 },
    rating: null,
    review_count: 0,
    ...overrides,
  };
}

export function aSession(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    id: '0190a1b2-0000-7000-8000-0000000000a1',
    device: 'Chrome on Linux',
    ip: '127.0.0.1',
    created_at: '2026-11-20T08:00:00Z',
    last_used_at: '2026-11-24T09:30:00Z',
    current: false,
    ...overrides,
  };
}

/** The API's error envelope, as a Response. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> | null = null,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { error: { code, message, details, request_id: 'req-test' } },
    { status, headers },
  );
}

/** A processed photo whose variant URLs name it, e.g. /media/images/p1/medium.webp. */
export function anImage(id = 'p1', overrides: Partial<ImageOut> = {}): ImageOut {
  const variant = (name: string, width: number) => ({
    width,
    height: Math.round((width * 4) / 3),
    webp: `/media/images/${id}/${name}.webp?sig=x`,
    jpeg: `/media/images/${id}/${name}.jpg?sig=x`,
  });
  return {
    id,
    status: 'ready',
    failure_reason: null,
    width: 1200,
    height: 1600,
    aspect_ratio: 0.75,
    dominant_color: '#3b5b7a',
    placeholder: 'data:image/webp;base64,UklGRg==',
    variants: {
      thumb: variant('thumb', 320),
      medium: variant('medium', 960),
      large: variant('large', 1200),
    },
    ...overrides,
  };
}

export function anItem(overrides: Partial<ItemDetail> = {}): ItemDetail {
  return {
    id: '0190a1b2-0000-7000-8000-0000000000b1',
    title: 'Denim jacket',
    description: 'Worn twice.\nNo marks.',
    category: {
      id: 'c-dresses',
      slug: 'women-dresses',
      name: 'Dresses',
      path: ['Women', 'Clothing', 'Dresses'],
    },
    brand: { id: 'b-levis', slug: 'levis', name: "Levi's" },
    size: { id: 's-m', key: 'm', label: 'M' },
    condition: {
      key: 'very_good',
      name: 'Very good',
      description: 'Worn a few times, barely visible signs of use.',
    },
    colors: [{ key: 'blue', name: 'Blue', hex: '#1F5FBF' }],
    price: { amount: 2500, currency: 'EUR' },
    quantity: 1,
    available: 1,
    status: 'active',
    location: { country: 'FR', city: 'Lyon' },
    images: [anImage('p1'), anImage('p2'), anImage('p3')],
    seller: {
      id: '0190a1b2-0000-7000-8000-000000000001',
      username: 'ada',
      display_name: 'Ada Lovelace',
    },
    counts: { likes: 0, saves: 0, comments: 0, views: 0 },
    version: 3,
    published_at: '2026-11-20T08:00:00Z',
    created_at: '2026-11-20T07:00:00Z',
    updated_at: '2026-11-20T08:00:00Z',
    ...overrides,
  };
}

export function anItemCard(overrides: Partial<ItemCard> = {}): ItemCard {
  return {
    id: '0190a1b2-0000-7000-8000-0000000000c1',
    title: 'Linen shirt',
    price: { amount: 1250, currency: 'EUR' },
    brand: 'Arket',
    size: 'M',
    condition: 'Very good',
    status: 'active',
    cover: anImage('cover'),
    seller: {
      id: '0190a1b2-0000-7000-8000-000000000002',
      username: 'grace',
      display_name: 'Grace Hopper',
    },
    like_count: 0,
    liked: false,
    saved: false,
    published_at: '2026-11-20T08:00:00Z',
    created_at: '2026-11-20T07:00:00Z',
    ...overrides,
  };
}

/** A small category tree: dresses have sizes, handbags do not. */
export const categoryTree: CategoryNode[] = [
  {
    id: 'c-women',
    slug: 'women',
    name: 'Women',
    is_leaf: false,
    has_sizes: false,
    children: [
      {
        id: 'c-women-clothing',
        slug: 'women-clothing',
        name: 'Clothing',
        is_leaf: false,
        has_sizes: false,
        children: [
          {
            id: 'c-dresses',
            slug: 'women-dresses',
            name: 'Dresses',
            is_leaf: true,
            has_sizes: true,
            children: [],
          },
        ],
      },
      {
        id: 'c-women-bags',
        slug: 'women-bags',
        name: 'Bags',
        is_leaf: false,
        has_sizes: false,
        children: [
          {
            id: 'c-handbags',
            slug: 'women-handbags',
            name: 'Handbags',
            is_leaf: true,
            has_sizes: false,
            children: [],
          },
        ],
      },
    ],
  },
];

/**
 * Answers the taxonomy reads a listing form makes, or returns null for any other request,
 * so a test can answer those itself.
 */
export function taxonomyResponse(request: Request): Response | null {
  const { pathname } = new URL(request.url);
  switch (pathname) {
    case '/api/v1/categories':
      return Response.json({ items: categoryTree });
    case '/api/v1/conditions':
      return Response.json({
        items: [
          { key: 'new_with_tags', name: 'New with tags', description: 'Never used, tags on.' },
          { key: 'very_good', name: 'Very good', description: 'Worn a few times.' },
        ],
      });
    case '/api/v1/colors':
      return Response.json({
        items: [
          { key: 'black', name: 'Black', hex: '#000000' },
          { key: 'blue', name: 'Blue', hex: '#1F5FBF' },
        ],
      });
    case '/api/v1/sizes':
      return Response.json({
        group: 'women-clothing',
        items: [
          { id: 's-s', key: 's', label: 'S' },
          { id: 's-m', key: 'm', label: 'M' },
        ],
      });
    case '/api/v1/brands':
      return Response.json({ items: [{ id: 'b-levis', slug: 'levis', name: "Levi's" }] });
    default:
      return null;
  }
}

/** A page of a cursor-paginated list, the last one unless `nextCursor` is given. */
export function aPage<T>(items: T[], nextCursor: string | null = null) {
  return { items, next_cursor: nextCursor };
}

export function aMemberCard(overrides: Partial<MemberCard> = {}): MemberCard {
  return {
    id: '0190a1b2-0000-7000-8000-000000000003',
    username: 'alan',
    display_name: 'Alan Turing',
    followed_by_me: false,
    ...overrides,
  };
}

export function aComment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: '0190a1b2-0000-7000-8000-0000000000d1',
    item_id: '0190a1b2-0000-7000-8000-0000000000b1',
    parent_id: null,
    body: 'Is it still available?',
    author: {
      id: '0190a1b2-0000-7000-8000-000000000002',
      username: 'grace',
      display_name: 'Grace Hopper',
    },
    mentions: [],
    created_at: '2026-11-24T09:00:00Z',
    edited_at: null,
    deleted: false,
    reply_count: 0,
    replies: [],
    can_edit: false,
    can_delete: false,
    ...overrides,
  };
}

export function aNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: '0190a1b2-0000-7000-8000-0000000000e1',
    type: 'comment',
    text: 'Grace Hopper commented on your “Denim jacket”: “Is it still available?”',
    actor: {
      id: '0190a1b2-0000-7000-8000-000000000002',
      username: 'grace',
      display_name: 'Grace Hopper',
    },
    actor_count: 1,
    item: { id: '0190a1b2-0000-7000-8000-0000000000b1', title: 'Denim jacket' },
    comment_id: '0190a1b2-0000-7000-8000-0000000000d1',
    link: '/items/0190a1b2-0000-7000-8000-0000000000b1#comments',
    data: {},
    read: false,
    created_at: '2026-11-24T09:00:00Z',
    updated_at: '2026-11-24T09:00:00Z',
    ...overrides,
  };
}

export function aFacetValue(overrides: Partial<FacetValue> = {}): FacetValue {
  return { value: 'b-nike', label: 'Nike', count: 3, selected: false, ...overrides };
}

/** A page of search results: one listing unless told otherwise, and no facets. */
export function aSearchPage(overrides: Partial<SearchPage> = {}): SearchPage {
  const items = overrides.items ?? [anItemCard()];
  return {
    items,
    next_cursor: null,
    total: { value: items.length, capped: false },
    facets: {
      categories: [],
      brands: [],
      sizes: [],
      conditions: [],
      colors: [],
      price_bands: [],
      locations: [],
    },
    corrected_query: null,
    ...overrides,
  };
}

export function someSuggestions(overrides: Partial<Suggestions> = {}): Suggestions {
  return { brands: [], categories: [], queries: [], ...overrides };
}

export function aSavedSearch(overrides: Partial<SavedSearch> = {}): SavedSearch {
  return {
    id: '0190a1b2-0000-7000-8000-0000000000f1',
    name: 'Blue dresses',
    query: { q: 'dress', category: 'c-dresses', color: ['blue'], radius_km: 25 },
    summary: '“dress” · Women / Dresses · Blue',
    email_alerts: false,
    created_at: '2026-11-24T09:00:00Z',
    ...overrides,
  };
}
