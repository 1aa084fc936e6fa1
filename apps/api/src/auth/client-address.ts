import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';

/**
 * The address a request comes from, as the sign-in throttle counts it.
 *
 * With no trusted proxy (the default) it is the socket's peer and X-Forwarded-For is ignored:
 * any client can write that header, and would spread its guesses over made-up addresses. Behind
 * `trustedProxies` proxies it is read from the header, falling back to the socket's peer.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const socketAddress = socketAddressOf(c);
  const trustedProxies = c.var.deps.trustedProxies ?? 0;
  if (trustedProxies === 0) return socketAddress;
  return forwardedClientAddress(c.req.header('x-forwarded-for'), trustedProxies) ?? socketAddress;
}

/**
 * The client in an X-Forwarded-For header that passed through `trustedProxies` proxies. Each proxy
 * appends the address it was reached from, so the client is that many entries from the right;
 * entries further left were written by the client itself and prove nothing. Undefined when the
 * header is missing, has fewer entries than there are proxies, or that entry is not an IP address.
 */
export function forwardedClientAddress(header: string | undefined, trustedProxies: number): string | undefined {
  if (header === undefined || trustedProxies < 1) return undefined;
  const entries = header.split(',').map((entry) => entry.trim());
  const client = entries[entries.length - trustedProxies];
  return client !== undefined && isIP(client) !== 0 ? client : undefined;
}

/** Requests that did not come through the Node server (app.request in tests) have no socket. */
function socketAddressOf(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * What the sign-in throttle counts per address. One IPv6 client usually holds a whole /64 and can
 * pick a fresh address for every guess, so IPv6 addresses count by their /64 network; an IPv4
 * address written as IPv6 (`::ffff:192.0.2.1`) counts as the IPv4 address it is.
 */
export function throttledAddress(address: string): string {
  if (isIP(address) !== 6) return address;
  const mappedIpv4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mappedIpv4?.[1]) return mappedIpv4[1];
  const groups = expandIpv6(address.split('%')[0] ?? address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

/** The eight 16-bit groups of an IPv6 address, `::` filled in; undefined for an embedded IPv4 tail. */
function expandIpv6(address: string): string[] | undefined {
  if (address.includes('.')) return undefined;
  const [head = '', tail] = address.toLowerCase().split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return groups.length === 8 ? groups.map((group) => group.replace(/^0+(?=.)/, '')) : undefined;
}
