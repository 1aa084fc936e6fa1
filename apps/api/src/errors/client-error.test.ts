import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Problem } from '@autonomy/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../../test/harness.ts';
import { answerClientError } from './client-error.ts';

let harness: Harness;
let server: ServerType;
let port: number;

beforeAll(async () => {
  harness = await Harness.start();
  // As server.ts listens: the app behind Node's HTTP server, with the same clientError listener.
  server = serve({ fetch: harness.app.fetch, port: 0, hostname: '127.0.0.1' });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
  await harness.stop();
});

/** Sends raw bytes and reads the answer until the server closes the connection. */
function sendRaw(request: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    // The server may close while a long request is still being written (EPIPE): what it answered still counts.
    socket.on('error', () => {});
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    // Written, not ended: a half-closed connection may be dropped before its answer is sent.
    socket.write(request);
  });
}

describe("Node's own HTTP parser errors are problem+json", () => {
  it.each([
    ['a request line that is not HTTP', 400, 'GARBAGE\r\n\r\n'],
    ['a header line without a colon', 400, 'GET /api/health HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n'],
    ['a Content-Length that is not a number', 400, 'POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'],
    ['Content-Length and Transfer-Encoding together', 400, 'POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}'],
    ['headers over the limit', 431, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
  ] as const)('%s → %i', async (_what, status, request) => {
    const answer = await sendRaw(request);
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.headers.connection).toBe('close');
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
    const problem = JSON.parse(answer.body) as Problem;
    expect(problem).toEqual(expect.objectContaining({ status, type: expect.stringMatching(/^\/problems\//), title: expect.any(String), detail: expect.any(String) }));
  });

  it('a well-formed request on the same server is answered as usual', async () => {
    const answer = await sendRaw('GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(200);
  });
});
