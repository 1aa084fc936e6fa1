import { setImmediate } from 'node:timers/promises';
import { type FieldError, MetricsCsvParser, type MetricsCsvRow } from '@autonomy/contracts';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { ApiError } from '../../errors/problem.ts';
import { IMPORT_BODY_LIMIT, payloadTooLarge } from '../../middleware/body-limit.ts';

// Bytes parsed between two turns of the event loop: a few milliseconds of work, so other
// requests (health, the portfolio) are answered while a large file is checked.
const SLICE_BYTES = 256 * 1024;

/**
 * Reads an import's CSV body as it streams in and parses it on the way: memory holds the rows
 * and one chunk, never the whole file. Refuses a body that is not UTF-8 text/csv, one over the
 * size limit, and a file that breaks the import rules (problem+json naming rows and columns).
 */
export async function readImportRows(c: Context<AppEnv>, latestMonth: string): Promise<{ rows: MetricsCsvRow[]; warnings: FieldError[] }> {
  const contentType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'text/csv') {
    throw new ApiError('unsupported_media_type', 'Send the file as Content-Type: text/csv.');
  }
  const parser = new MetricsCsvParser({ latestMonth });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new ApiError('malformed_request', 'The file is not valid UTF-8 text; save it as CSV UTF-8 and try again.', undefined, { connection: 'close' });
    }
  };
  const body = c.req.raw.body;
  // Refused before the whole file came: the answer closes the connection, so the rest of the
  // upload is not read. (Cancelling the stream instead would reset the socket, answer and all;
  // and a body read to its end is left alone, so the connection can serve the next request.)
  let stoppedEarly = false;
  if (body) {
    const reader = body.getReader();
    let size = 0;
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        size += chunk.value.byteLength;
        if (size > IMPORT_BODY_LIMIT) throw payloadTooLarge(IMPORT_BODY_LIMIT);
        if (!(await parseInSlices(parser, chunk.value, decode))) {
          stoppedEarly = true; // refused whatever follows
          break;
        }
      }
    } finally {
      reader.releaseLock();
    }
  }
  parser.push(decode());
  const parsed = parser.end();
  if (parsed.ok) return { rows: parsed.rows, warnings: parsed.warnings };
  throw new ApiError(
    parsed.kind === 'unparseable' ? 'malformed_request' : 'invalid_input',
    parsed.detail,
    parsed.errors,
    stoppedEarly ? { connection: 'close' } : undefined,
  );
}

/** Parses a chunk a slice at a time, letting the event loop turn between slices; false once the file is refused. */
async function parseInSlices(parser: MetricsCsvParser, bytes: Uint8Array, decode: (bytes: Uint8Array) => string): Promise<boolean> {
  for (let start = 0; start < bytes.byteLength; start += SLICE_BYTES) {
    if (start > 0) await setImmediate();
    if (!parser.push(decode(bytes.subarray(start, start + SLICE_BYTES)))) return false;
  }
  return true;
}
