import { apiClient } from '../../../api/client';
import { dataOrThrow, okOrThrow } from '../../../api/results';
import type { components } from '../../../api/schema';
import type { Me } from './me';

export type Registration = components['schemas']['Registration'];
export type TokenGrant = components['schemas']['TokenGrant'];

export async function register(body: Registration): Promise<Me> {
  return dataOrThrow(await apiClient.POST('/api/v1/auth/register', { body }));
}

export async function verifyEmail(token: string): Promise<string> {
  const { email } = dataOrThrow(
    await apiClient.POST('/api/v1/auth/verify-email', { body: { token } }),
  );
  return email;
}

export async function resendVerification(): Promise<void> {
  okOrThrow(await apiClient.POST('/api/v1/auth/verify-email/resend'));
}

/** Signs in with cookies: the API sets them, and the grant carries the member. */
export async function login(email: string, password: string): Promise<TokenGrant> {
  return dataOrThrow(
    await apiClient.POST('/api/v1/auth/login', {
      body: { email, password, transport: 'cookie' },
    }),
  );
}

export async function logout(): Promise<void> {
  okOrThrow(await apiClient.POST('/api/v1/auth/logout'));
}

export async function logoutEverywhere(): Promise<void> {
  okOrThrow(await apiClient.POST('/api/v1/auth/logout-all'));
}

export async function requestPasswordReset(email: string): Promise<void> {
  okOrThrow(await apiClient.POST('/api/v1/auth/password/forgot', { body: { email } }));
}

export async function resetPassword(token: string, password: string): Promise<void> {
  okOrThrow(await apiClient.POST('/api/v1/auth/password/reset', { body: { token, password } }));
}
