import { useQuery } from '@tanstack/react-query';
import { fetchReadiness, readinessQueryKey } from '../api/readiness';

export const READINESS_REFRESH_MS = 10_000;

export function useReadiness() {
  return useQuery({
    queryKey: readinessQueryKey,
    queryFn: fetchReadiness,
    refetchInterval: READINESS_REFRESH_MS,
    // A status page is only useful when it is current: never serve a cached answer as fresh.
    staleTime: 0,
  });
}
