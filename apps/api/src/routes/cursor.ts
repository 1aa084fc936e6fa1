import { ApiError } from '../errors/problem.ts';

/** Cursors are opaque to clients: the position of the last item seen, base64url-encoded. */
export function encodeCursor(position: string): string {
  return Buffer.from(position, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const position = Buffer.from(cursor, 'base64url').toString('utf8');
  // Positions are compared with stored text, which can never hold NUL (PostgreSQL refuses it).
  if (!position || position.includes('\0') || encodeCursor(position) !== cursor) {
    throw new ApiError('invalid_input', 'The cursor is not one this API gave out.', [
      { path: 'query.cursor', message: 'is not a valid cursor' },
    ]);
  }
  return position;
}

/** A cursor holding the id of the last row seen, for lists ordered by a serial id. */
export function encodeIdCursor(id: number): string {
  return encodeCursor(String(id));
}

export function decodeIdCursor(cursor: string): number {
  const id = Number(decodeCursor(cursor));
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new ApiError('invalid_input', 'The cursor is not one this API gave out.', [{ path: 'query.cursor', message: 'is not a valid cursor' }]);
  }
  return id;
}
