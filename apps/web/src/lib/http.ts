import { problemSchema, type FieldError, type Problem } from '@autonomy/contracts';

/**
 * The only way the app talks to the API. Every JSON body is checked against the contract's zod
 * schema, so a drift between API and web shows up as one clear error instead of `undefined`
 * deep inside a chart.
 */

/** What we need of a zod schema; structural, so the web app needs no zod import of its own. */
export interface ResponseSchema<T> {
  safeParse(data: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** A failed request, carrying the API's RFC 9457 problem (or one made up for network failures). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** Status used for requests that never got an HTTP answer. */
export const NO_RESPONSE_STATUS = 0;

let handleUnauthorized: () => void = () => {};

/**
 * Who to call when the session is gone. Set once by the app shell; kept out of this module so the
 * client does not depend on the router.
 */
export function setUnauthorizedHandler(handler: () => void): void {
  handleUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: BodyInit;
  contentType?: string;
  /** Further request headers, such as `If-Match`. */
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** False where a 401 is an answer to show (wrong password), not an expired session. */
  redirectOnUnauthorized?: boolean;
}

export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  if (options.contentType) headers.set('Content-Type', options.contentType);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      body: options.body ?? null,
      headers,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      type: 'about:blank',
      title: 'Cannot reach the server',
      status: NO_RESPONSE_STATUS,
      detail: 'Check your connection and try again.',
    });
  }

  if (!response.ok) {
    if (response.status === 401 && options.redirectOnUnauthorized !== false) handleUnauthorized();
    throw new ApiError(await readProblem(response));
  }
  return response;
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `Request failed (${response.status})`,
    status: response.status,
    detail: '',
  };
  if (!text) return fallback;
  try {
    const parsed = problemSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    // Not JSON (a proxy's HTML error page, say): keep the status, drop the markup.
    return fallback;
  }
}

/**
 * POSTs a file and reads a JSON answer, reporting how much of the file has gone up (fetch cannot
 * tell): for the imports, whose files run to megabytes.
 */
export function uploadForJson<T>(
  path: string,
  file: Blob,
  contentType: string,
  schema: ResponseSchema<T>,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Content-Type', contentType);
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    request.addEventListener('error', () =>
      reject(new ApiError({ type: 'about:blank', title: 'Cannot reach the server', status: NO_RESPONSE_STATUS, detail: 'Check your connection and try again.' })),
    );
    request.addEventListener('load', () => {
      const response = new Response(request.responseText || null, { status: request.status, statusText: request.statusText });
      if (request.status < 200 || request.status >= 300) {
        if (request.status === 401) handleUnauthorized();
        void readProblem(response).then((problem) => reject(new ApiError(problem)));
        return;
      }
      onProgress(1);
      let body: unknown;
      try {
        body = JSON.parse(request.responseText) as unknown;
      } catch {
        reject(unexpectedResponse(path, request.status, 'is not JSON.'));
        return;
      }
      const parsed = schema.safeParse(body);
      if (parsed.success) resolve(parsed.data);
      else reject(unexpectedResponse(path, request.status, 'does not match the agreed contract.', parsed.error.issues));
    });
    request.send(file);
  });
}

export async function sendForJson<T>(path: string, schema: ResponseSchema<T>, options?: RequestOptions): Promise<T> {
  const { body } = await sendForJsonWithResponse(path, schema, options);
  return body;
}

/** Like sendForJson, keeping the response for what travels in its headers (an ETag) and its status. */
export async function sendForJsonWithResponse<T>(
  path: string,
  schema: ResponseSchema<T>,
  options?: RequestOptions,
): Promise<{ body: T; response: Response }> {
  const response = await send(path, options);
  const body: unknown = await response.json();
  const parsed = schema.safeParse(body);
  if (parsed.success) return { body: parsed.data, response };
  throw unexpectedResponse(path, response.status, 'does not match the agreed contract.', parsed.error.issues);
}

export function unexpectedResponse(
  path: string,
  status: number,
  what: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[] = [],
): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Unexpected response from the server',
    status,
    detail: `The answer from ${path} ${what}`,
    errors: issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  });
}

export function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * Every item of a cursor-paged list, page after page until the API gives no `nextCursor`: for the
 * lists the dashboard shows whole (a month's signals, the users, one's tokens, the reviews).
 */
export async function followCursor<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}
