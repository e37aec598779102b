import type { Me } from '../features/auth/api/me';
import type { SessionInfo } from '../features/auth/api/sessions';
import type { PublicProfile } from '../features/profile/api/public-profile';

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
