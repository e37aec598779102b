import { apiClient } from '../../../api/client';
import { dataOrThrow, okOrThrow } from '../../../api/results';
import type { components } from '../../../api/schema';
import type { Me } from '../../auth/api/me';

export type ProfileUpdate = components['schemas']['ProfileUpdate'];

export async function updateProfile(changes: ProfileUpdate): Promise<Me> {
  return dataOrThrow(await apiClient.PATCH('/api/v1/me', { body: changes }));
}

export async function requestEmailChange(newEmail: string, password: string): Promise<void> {
  okOrThrow(await apiClient.POST('/api/v1/me/email', { body: { new_email: newEmail, password } }));
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  okOrThrow(
    await apiClient.POST('/api/v1/me/password', {
      body: { current_password: currentPassword, new_password: newPassword },
    }),
  );
}

export async function deleteAccount(password: string): Promise<void> {
  okOrThrow(await apiClient.DELETE('/api/v1/me', { body: { password, confirm: 'DELETE' } }));
}
