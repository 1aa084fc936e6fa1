import type { Duplex } from 'node:stream';
import { ApiError, problemContentType } from './problem.ts';

const reasonPhrases: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** What Node's HTTP parser refused, as the API's one error shape. */
export function clientErrorProblem(code: string | undefined): ApiError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new ApiError('headers_too_large', 'The request line and headers are over the server’s limit; nothing was read.');
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'ERR_HTTP_HEADERS_TIMEOUT') {
    return new ApiError('request_timeout', 'The request did not arrive in time; nothing was read.');
  }
  return new ApiError('malformed_request', 'The request is not valid HTTP/1.1; nothing was read.');
}

/**
 * The server's `clientError` listener. Node's HTTP parser refuses some requests before any route
 * sees them (a broken request line or header, a bad Content-Length, headers too large) and by
 * default answers with a bare status line; here the answer is problem+json like every other
 * refusal. The connection is closed: after a parse error nothing more on it can be trusted.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // The client went away, or an answer is already on its way: there is no one to tell.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const problem = clientErrorProblem(error.code);
  const body = JSON.stringify(problem.toProblem());
  socket.end(
    `HTTP/1.1 ${problem.status} ${reasonPhrases[problem.status] ?? 'Bad Request'}\r\n` +
      `Content-Type: ${problemContentType}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  );
}
