import { Agent, request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { METRICS_CSV_COLUMNS } from '@autonomy/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_BODY_LIMIT, JSON_BODY_LIMIT } from '../src/middleware/body-limit.ts';
import { fingerprint } from './fingerprint.ts';
import { Harness, type TestUser } from './harness.ts';

/**
 * Uploads the size of a whole gigabyte through a real socket, with no Content-Length, so the limit
 * must be enforced while the body streams in rather than read off a header. The bytes are one
 * small chunk written over and over, so the test never holds the gigabyte itself.
 */

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
// Past the limit, the client can still have written what the two kernels' socket buffers hold
// (a few MiB on loopback); 16 MiB is ample for that yet far below what draining the rest of the
// upload would let in (@hono/node-server alone drains up to 64 MiB more of a refused body).
const SOCKET_BUFFERS_ALLOWANCE = 16 * MIB;

interface UploadOutcome {
  status: number | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Bytes the client had written when the answer's headers arrived. */
  sentWhenAnswered: number | undefined;
  /** Bytes the client had written when the connection ended. */
  sentWhenClosed: number;
}

/**
 * Streams up to `upTo` bytes with chunked transfer encoding: `firstLine`, then `repeated` over and
 * over. Like a careless client it keeps writing after the answer, until the server ends the
 * connection, so a server that drained the refused body would show up in `sentWhenClosed`.
 */
function uploadChunked(
  port: number,
  options: { method: string; path: string; headers: Record<string, string>; firstLine: string; repeated: string; upTo: number },
): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const chunk = Buffer.from(options.repeated.repeat(Math.ceil((64 * 1024) / options.repeated.length)));
    const outcome: UploadOutcome = { status: undefined, headers: {}, body: '', sentWhenAnswered: undefined, sentWhenClosed: 0 };
    let sent = 0;
    let closed = false;

    const request = httpRequest({ host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers, agent: false });
    request.on('response', (response) => {
      outcome.sentWhenAnswered = sent;
      outcome.status = response.statusCode;
      outcome.headers = response.headers;
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        outcome.body += text;
      });
    });
    // The server closing mid-upload shows here as EPIPE or ECONNRESET: expected, not a failure.
    request.on('error', () => {});
    request.on('close', () => {
      closed = true;
      outcome.sentWhenClosed = sent;
      resolve(outcome);
    });

    const writeMore = () => {
      while (!closed && sent < options.upTo) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', writeMore);
          return;
        }
      }
      if (!closed) request.end();
    };
    sent += Buffer.byteLength(options.firstLine);
    request.write(options.firstLine);
    writeMore();
  });
}

/**
 * Sends a request whose Content-Length says `declared` bytes and then writes `actual` bytes on the
 * raw socket; returns what came back before the connection ended.
 */
function uploadWithLyingLength(port: number, head: string, declared: number, firstBytes: string, actual: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let received = '';
    let sent = 0;
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      received += text;
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(received));

    const writeMore = () => {
      while (!socket.destroyed && sent < actual) {
        sent += chunk.length;
        if (!socket.write(chunk)) {
          socket.once('drain', writeMore);
          return;
        }
      }
      // Everything is sent: let the server answer and close, or close after it answers.
      if (!socket.destroyed) socket.end();
    };
    socket.write(`${head}Content-Length: ${declared}\r\n\r\n${firstBytes}`);
    sent += Buffer.byteLength(firstBytes);
    writeMore();
  });
}

describe('an upload far over the body limit, through a real socket', () => {
  let harness: Harness;
  let server: ServerType;
  let port: number;
  let admin: TestUser;

  beforeAll(async () => {
    harness = await Harness.start();
    admin = await harness.user('admin');
    server = serve({ fetch: harness.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await harness?.stop();
  });

  async function expectServerStillUp(): Promise<void> {
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
  }

  const routes = [
    {
      name: 'the CSV import',
      method: 'POST',
      path: '/api/v1/imports/metrics',
      contentType: 'text/csv',
      limit: IMPORT_BODY_LIMIT,
      // A valid header, then lines the import skips (all commas, as spreadsheets leave): the file
      // is read as it streams, so only the size limit can stop it.
      firstLine: `${METRICS_CSV_COLUMNS.join(',')}\n`,
      repeated: `${','.repeat(METRICS_CSV_COLUMNS.length - 1)}\n`,
    },
    {
      name: 'a JSON write',
      method: 'POST',
      path: '/api/v1/tokens',
      contentType: 'application/json',
      limit: JSON_BODY_LIMIT,
      firstLine: '{"name":"',
      repeated: 'a',
    },
  ];

  it.each(routes)('refuses 1 GiB sent chunked to $name once past its limit, and closes the connection', async (route) => {
    const before = await fingerprint(harness.db);

    const outcome = await uploadChunked(port, {
      method: route.method,
      path: route.path,
      headers: { cookie: admin.cookie, 'content-type': route.contentType },
      firstLine: route.firstLine,
      repeated: route.repeated,
      upTo: GIB,
    });

    expect(outcome.status).toBe(413);
    expect(outcome.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(outcome.body)).toMatchObject({ type: '/problems/payload-too-large', status: 413 });
    expect(outcome.headers.connection).toBe('close');
    // Reading stopped at the limit: the answer came, and the connection ended, long before 1 GiB.
    expect(outcome.sentWhenAnswered).toBeGreaterThan(route.limit);
    expect(outcome.sentWhenAnswered).toBeLessThan(route.limit + SOCKET_BUFFERS_ALLOWANCE);
    expect(outcome.sentWhenClosed).toBeLessThan(route.limit + SOCKET_BUFFERS_ALLOWANCE);
    await expectServerStillUp();
    expect(await fingerprint(harness.db)).toEqual(before);
  });

  it.each(routes)('survives a Content-Length of 10 bytes followed by 10 MiB sent to $name', async (route) => {
    const before = await fingerprint(harness.db);
    const head =
      `${route.method} ${route.path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
      `Cookie: ${admin.cookie}\r\nContent-Type: ${route.contentType}\r\n`;

    const answer = await uploadWithLyingLength(port, head, 10, route.firstLine, 10 * MIB);

    // Node takes the first 10 bytes as the body and the rest as a malformed next request; whatever
    // the server managed to answer before closing is a client error, never a success or a 5xx.
    for (const statusLine of answer.match(/^HTTP\/1\.1 \d{3}/gm) ?? []) expect(statusLine).toMatch(/ 4\d\d$/);
    await expectServerStillUp();
    expect(await fingerprint(harness.db)).toEqual(before);
  });

  it('keeps the connection for the next request once an import was read to its end, and closes it after refusing one early', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (path: string, body: string | undefined) =>
      new Promise<{ status: number; reused: boolean; connection: string | undefined }>((resolve, reject) => {
        const request = httpRequest(
          { host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', agent, headers: { cookie: admin.cookie, 'content-type': 'text/csv' } },
          (response) => {
            response.resume();
            response.on('end', () => resolve({ status: response.statusCode ?? 0, reused: request.reusedSocket, connection: response.headers.connection }));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    try {
      const csv = `${METRICS_CSV_COLUMNS.join(',')}\nkeep-alive,Keep alive,2024-01,1,1,1,1,1,1,1,1,1,1,1,1,1,area\n`;
      expect(await send('/api/v1/imports/metrics?dryRun=true', csv)).toMatchObject({ status: 200, reused: false });
      // The same socket serves the next request (a reset one would fail it).
      expect(await send('/api/health', undefined)).toMatchObject({ status: 200, reused: true });

      // Refused at the header, before a 4 MiB body was read: answered, then the connection closes.
      const refused = await send('/api/v1/imports/metrics?dryRun=true', `region,notes\n${'x,y\n'.repeat(1024 * 1024)}`);
      expect(refused).toMatchObject({ status: 400, connection: 'close' });
      expect(await send('/api/health', undefined)).toMatchObject({ status: 200, reused: false });
    } finally {
      agent.destroy();
    }
  });
});
