import { describe, expect, it } from 'vitest';
import { auditQuerySchema, isoInstantSchema } from './audit.ts';
import { tokenIdParamsSchema } from './tokens.ts';
import { updateUserSchema } from './users.ts';

describe('audit query', () => {
  it.each(['2024-05-01', '2024-02-29', '2024-05-01T09:30:00Z', '2024-05-01T09:30:00.123+02:00', '2024-05-01T09:30'])(
    'accepts `since` %s',
    (since) => expect(isoInstantSchema.safeParse(since).success).toBe(true),
  );
  it.each(['yesterday', '2023-02-29', '2024-13-01', '2024-05-01 09:30', '1714555800', ''])('refuses `since` %j with one clear message', (since) => {
    const result = isoInstantSchema.safeParse(since);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['must be an ISO date (2024-05-01) or date-time (2024-05-01T09:30:00Z)']);
  });
  it('lower-cases the actor and pages 100 by default', () => {
    expect(auditQuerySchema.parse({ actor: ' Lead@Example.com ' })).toEqual({ actor: 'lead@example.com', limit: 100 });
  });
});

describe('user changes', () => {
  it('takes any of name, role, active and password, and nothing else', () => {
    expect(updateUserSchema.safeParse({ active: false }).success).toBe(true);
    expect(updateUserSchema.safeParse({ name: ' Ada ', role: 'viewer', password: 'a-long-password' }).data).toEqual({
      name: 'Ada',
      role: 'viewer',
      password: 'a-long-password',
    });
    expect(updateUserSchema.safeParse({}).success).toBe(false);
    expect(updateUserSchema.safeParse({ passwordHash: 'scrypt$…' }).success).toBe(false);
    expect(updateUserSchema.safeParse({ role: 'owner' }).success).toBe(false);
  });
  it('wants a token id that is a UUID', () => {
    expect(tokenIdParamsSchema.safeParse({ id: '3f1c4a8e-2b6d-4c1e-9a7f-0d5e6b8c9a10' }).success).toBe(true);
    expect(tokenIdParamsSchema.safeParse({ id: '1' }).success).toBe(false);
  });
});
