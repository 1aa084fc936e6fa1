import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUser, UpdateUser, UserAccount } from '@autonomy/contracts';
import { createApiToken, createUserAccount, fetchAllMyTokens, fetchAllUsers, revokeApiToken, updateUserAccount } from '../../lib/api.ts';
import { ChangedMeanwhileError, writeUnlessChanged } from '../../lib/conditional-write.ts';
import { areaQueryKeyRoot } from '../area/queries.ts';
import { usersQueryKeyRoot } from '../area-details/queries.ts';
import { auditQueryKeyRoot } from '../audit/queries.ts';
import { sessionQueryKey } from '../auth/queries.ts';

// The same list the area editor names leads from: one cache, refreshed by every change made here.
export { useUserAccounts } from '../area-details/queries.ts';

export const myTokensQueryKey = ['tokens', 'mine'] as const;

/** The signed-in person's own API tokens, revoked ones included. */
export function useMyTokens() {
  return useQuery({ queryKey: myTokensQueryKey, queryFn: ({ signal }) => fetchAllMyTokens(signal) });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createApiToken({ name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myTokensQueryKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeApiToken(id),
    // After a failure too: the list then shows the token as it really is (revoked from another tab, say).
    onSettled: () => queryClient.invalidateQueries({ queryKey: myTokensQueryKey }),
  });
}

/** A user account change reaches the lead lists of areas, the audit log, and the header when it is one's own. */
function useInvalidateAfterUserChange() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: usersQueryKeyRoot }),
      queryClient.invalidateQueries({ queryKey: areaQueryKeyRoot }),
      queryClient.invalidateQueries({ queryKey: auditQueryKeyRoot }),
      queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
    ]);
}

export function useCreateUser() {
  const invalidate = useInvalidateAfterUserChange();
  return useMutation({
    mutationFn: (user: CreateUser) => createUserAccount(user),
    onSuccess: invalidate,
  });
}

/**
 * The change was refused because another admin changed the account after it was read (a 412).
 * Carries the account as saved now (null if it is gone), for the message and the next save.
 */
export class UserChangedError extends ChangedMeanwhileError<UserAccount | null> {
  override readonly name = 'UserChangedError';
}

export interface UserAccountChange {
  id: string;
  patch: UpdateUser;
  /** The version the admin read: always sent as If-Match, so no change is silently overwritten. */
  version: number;
}

/** Changes one account; a 412 comes back as a `UserChangedError` carrying what is saved now. */
export function useUpdateUser() {
  const invalidate = useInvalidateAfterUserChange();
  return useMutation({
    mutationFn: ({ id, patch, version }: UserAccountChange) =>
      writeUnlessChanged(
        () => updateUserAccount(id, patch, { version }),
        // There is no GET for one user: the list is the way to read the account as it is now.
        async () => (await fetchAllUsers()).find((user) => user.id === id) ?? null,
        UserChangedError,
      ),
    // After a 412 too: the list is as out of date as the form was.
    onSettled: (_saved, error) => (error && !(error instanceof UserChangedError) ? undefined : invalidate()),
  });
}
