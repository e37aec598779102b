import { apiClient } from '../../../api/client';
import type { components } from '../../../api/schema';
import { toApiError } from '../../../lib/api-error';

export type Readiness = components['schemas']['Readiness'];
export type DependencyCheck = components['schemas']['DependencyCheck'];

export const readinessQueryKey = ['system', 'readiness'] as const;

function isReadiness(body: unknown): body is Readiness {
  if (typeof body !== 'object' || body === null) return false;
  const { status, checks } = body as Partial<Record<keyof Readiness, unknown>>;
  return typeof status === 'string' && typeof checks === 'object' && checks !== null;
}

/**
 * GET /readyz. A 503 is not a failed request here: it is the answer "something is down",
 * with the same body as a 200, and the status page exists to show it.
 */
export async function fetchReadiness(): Promise<Readiness> {
  const { data, error, response } = await apiClient.GET('/readyz');
  if (data) return data;
  if (response.status === 503 && isReadiness(error)) return error;
  throw toApiError(response, error);
}
