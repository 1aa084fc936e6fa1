import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Login } from '@autonomy/contracts';
import { fetchSessionUser, signIn, signOut } from '../../lib/api.ts';

export const sessionQueryKey = ['session'] as const;

/** The signed-in user. A 401 here sends the reader to sign-in (see lib/api.ts). */
export function useSessionUser() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSessionUser(signal),
    staleTime: 5 * 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Login) => signIn(credentials),
    onSuccess: (user) => {
      // Whatever was cached belonged to the previous session (or to none): start clean.
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => queryClient.clear(),
  });
}
