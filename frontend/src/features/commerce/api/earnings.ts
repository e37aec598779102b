import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import { memberQueriesKey } from '../../auth/api/me';
import type { Earnings } from './types';

export const earningsQueryKey = [...memberQueriesKey, 'earnings'] as const;

export async function fetchEarnings(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Earnings> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/me/earnings', { params: { query: { cursor } }, signal }),
  );
}
