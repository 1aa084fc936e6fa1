import type { User } from '@autonomy/contracts';

export const MY_AREAS_PATH = '/my-areas';

/**
 * Where sign-in lands: the page asked for, except that an area lead who asked for nothing in
 * particular (the portfolio, the default) lands on their own areas, the months they still owe
 * and their action items. Everyone else keeps the portfolio.
 */
export function landingPathAfterSignIn(returnPath: string, user: Pick<User, 'role'>): string {
  return returnPath === '/' && user.role === 'area_lead' ? MY_AREAS_PATH : returnPath;
}
