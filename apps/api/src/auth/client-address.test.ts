import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppDeps, AppEnv } from '../context.ts';
import { clientAddress, forwardedClientAddress, throttledAddress } from './client-address.ts';

const SOCKET = '10.0.0.1';

/** The address `clientAddress` gives for one request from SOCKET (or from no socket at all). */
async function addressOf(
  trustedProxies: number | undefined,
  forwardedFor: string | undefined,
  socketAddress: string | null = SOCKET,
): Promise<string> {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => {
    // Only the proxy setting is read here; nothing touches the database.
    c.set('deps', { ...(trustedProxies === undefined ? {} : { trustedProxies }) } as AppDeps);
    return c.text(clientAddress(c));
  });
  // The bindings @hono/node-server hands to the app: the request's socket.
  const bindings = socketAddress ? { incoming: { socket: { remoteAddress: socketAddress, remoteFamily: 'IPv4' } } } : {};
  const headers: Record<string, string> = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return (await app.request('/', { headers }, bindings)).text();
}

describe('clientAddress', () => {
  it.each([undefined, 0])('ignores a forged X-Forwarded-For when no proxy is trusted (%s)', async (trustedProxies) => {
    expect(await addressOf(trustedProxies, '203.0.113.9')).toBe(SOCKET);
    expect(await addressOf(trustedProxies, '203.0.113.9, 198.51.100.7')).toBe(SOCKET);
  });

  it('takes the client from the header behind a trusted proxy, whatever the client wrote before it', async () => {
    expect(await addressOf(1, '198.51.100.7')).toBe('198.51.100.7');
    expect(await addressOf(1, '203.0.113.9, 198.51.100.7')).toBe('198.51.100.7');
  });

  it('falls back to the socket when the header is missing or malformed', async () => {
    expect(await addressOf(1, undefined)).toBe(SOCKET);
    expect(await addressOf(1, 'not-an-address')).toBe(SOCKET);
  });

  it('answers "unknown" for a request that came through no socket', async () => {
    expect(await addressOf(1, undefined, null)).toBe('unknown');
    expect(await addressOf(0, '198.51.100.7', null)).toBe('unknown');
  });
});

describe('forwardedClientAddress', () => {
  it.each([
    ['one proxy', '198.51.100.7', 1, '198.51.100.7'],
    ['one proxy, client-written entries before', 'spoofed, 203.0.113.9, 198.51.100.7', 1, '198.51.100.7'],
    ['two proxies', '198.51.100.7, 10.0.0.2', 2, '198.51.100.7'],
    ['two proxies, client-written entry before', '203.0.113.9, 198.51.100.7, 10.0.0.2', 2, '198.51.100.7'],
    ['three proxies', '198.51.100.7, 10.0.0.3, 10.0.0.2', 3, '198.51.100.7'],
    ['IPv6, no spaces', '2001:db8::1,10.0.0.2', 2, '2001:db8::1'],
  ])('reads the client %s: %s', (_name, header, proxies, expected) => {
    expect(forwardedClientAddress(header, proxies)).toBe(expected);
  });

  it.each([
    ['no header', undefined, 1],
    ['an empty header', '', 1],
    ['only commas', ' , ', 1],
    ['fewer entries than proxies', '198.51.100.7', 2],
    ['a name, not an address', 'client.example.com', 1],
    ['an address with a port', '198.51.100.7:51234', 1],
    ['a bracketed IPv6 address', '[2001:db8::1]', 1],
    ['"unknown", as some proxies write', 'unknown', 1],
    ['a garbage entry where the client should be', '198.51.100.7, garbage, 10.0.0.2', 2],
    ['no proxies trusted', '198.51.100.7', 0],
  ])('gives nothing for %s', (_name, header, proxies) => {
    expect(forwardedClientAddress(header, proxies)).toBeUndefined();
  });
});

describe('throttledAddress', () => {
  it('counts an IPv4 address as itself, also when written as IPv6', () => {
    expect(throttledAddress('192.0.2.7')).toBe('192.0.2.7');
    expect(throttledAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(throttledAddress('::FFFF:192.0.2.7')).toBe('192.0.2.7');
  });

  it('counts every address of one IPv6 /64 as one, however it is written', () => {
    const network = '2001:db8:85a3:42::/64';
    for (const address of ['2001:db8:85a3:42::1', '2001:0db8:85a3:0042:ffff:ffff:ffff:ffff', '2001:DB8:85A3:42:0:0:0:9', '2001:db8:85a3:42::7%eth0']) {
      expect(throttledAddress(address), address).toBe(network);
    }
    expect(throttledAddress('2001:db8:85a3:43::1')).not.toBe(network);
    expect(throttledAddress('::1')).toBe('0:0:0:0::/64');
  });

  it('leaves anything that is not an IP address as it is', () => {
    expect(throttledAddress('unknown')).toBe('unknown');
    expect(throttledAddress('')).toBe('');
  });
});
