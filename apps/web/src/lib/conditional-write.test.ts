import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api.ts';
import { ChangedMeanwhileError, writeUnlessChanged } from './conditional-write.ts';

class NoteChangedError extends ChangedMeanwhileError<string> {
  override readonly name = 'NoteChangedError';
}

const refusal = (status: number) => new ApiError({ type: 'about:blank', title: 'Refused', status, detail: `status ${status}` });

describe('writeUnlessChanged', () => {
  it('gives back what the write saved, without reading again', async () => {
    const readLatest = vi.fn(async () => 'theirs');
    await expect(writeUnlessChanged(async () => 'mine', readLatest, NoteChangedError)).resolves.toBe('mine');
    expect(readLatest).not.toHaveBeenCalled();
  });

  it('turns a 412 into the feature’s own error, carrying what is saved now', async () => {
    const error = await writeUnlessChanged(() => Promise.reject(refusal(412)), async () => 'theirs', NoteChangedError).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(NoteChangedError);
    expect(error).toMatchObject({ name: 'NoteChangedError', latest: 'theirs', message: 'Refused: status 412' });
  });

  it('passes any other refusal on as it came', async () => {
    const conflict = refusal(409);
    const readLatest = vi.fn(async () => 'theirs');
    await expect(writeUnlessChanged(() => Promise.reject(conflict), readLatest, NoteChangedError)).rejects.toBe(conflict);
    expect(readLatest).not.toHaveBeenCalled();
  });
});
