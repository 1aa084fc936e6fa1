import type { UserAccount } from '@autonomy/contracts';
import type { UserAccountRow } from '@autonomy/db';

export function toUserAccount(row: UserAccountRow): UserAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    areaSlugs: row.areaSlugs,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
