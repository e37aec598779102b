import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { flashState } from '../../../lib/flash';
import { logout } from '../api/auth';
import { clearMemberData } from '../api/me';

/**
 * Goes home as a visitor, with `message` shown there. Home must be on screen before the
 * member is forgotten: a members-only page still showing would bounce to sign-in. Hence
 * `flushSync`, since React Router otherwise renders the new page in a transition, after
 * the urgent cache update.
 */
export function useLeaveAsVisitor(): (message: string) => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (message) => {
    await navigate('/', { state: flashState(message), flushSync: true });
    clearMemberData(queryClient);
  };
}

/**
 * Signs this device out. The local state is cleared even when the request fails, so the
 * button always does something; the next GET /me tells the truth if the cookies stayed.
 */
export function useSignOut() {
  const leave = useLeaveAsVisitor();
  return useMutation({
    mutationFn: logout,
    onSettled: () => leave('You are signed out.'),
  });
}
