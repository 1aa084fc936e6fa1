import { ApiError, PRECONDITION_FAILED_STATUS } from './api.ts';

/**
 * A write sent with If-Match and refused (412) because someone else wrote first. Carries what is
 * saved now, read again at once, for the reader's comparison and for the next write. Each feature
 * names its own, so a screen can tell its conflict from any other refusal.
 */
export class ChangedMeanwhileError<T> extends Error {
  readonly latest: T;

  constructor(latest: T, refusal: ApiError) {
    super(refusal.message);
    this.name = 'ChangedMeanwhileError';
    this.latest = latest;
  }
}

/**
 * Sends a conditional write. A 412 comes back as a `Changed` error carrying `readLatest()`; any
 * other refusal passes on as it came.
 */
export async function writeUnlessChanged<T, L>(
  write: () => Promise<T>,
  readLatest: () => Promise<L>,
  Changed: new (latest: L, refusal: ApiError) => ChangedMeanwhileError<L>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== PRECONDITION_FAILED_STATUS) throw error;
    throw new Changed(await readLatest(), error);
  }
}
