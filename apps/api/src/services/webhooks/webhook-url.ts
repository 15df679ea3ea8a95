/**
 * Where a webhook may point. HTTPS always; plain HTTP only to this machine (loopback) and only
 * outside production, for local receivers and tests. In production, addresses inside private
 * networks (loopback, RFC 1918, link-local, unique-local, …) are refused so that a partner cannot
 * make Switchyard call into its own network (SSRF). The check reads the URL as written; a public
 * name that resolves to a private address is not caught here (no DNS lookup at creation time).
 */
import { BlockList, isIP } from 'node:net';

const PRIVATE_ADDRESSES = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE_ADDRESSES.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE_ADDRESSES.addSubnet(network, prefix, 'ipv6');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const PRIVATE_NAME = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

function isLoopback(host: string): boolean {
  if (/(^|\.)localhost$/i.test(host)) return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

function isPrivate(host: string): boolean {
  if (PRIVATE_NAME.test(host) || !host.includes('.') && isIP(host) === 0) return true;
  const family = isIP(host);
  if (family === 0) return false;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is its IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(host)?.[1];
  if (mapped) return PRIVATE_ADDRESSES.check(mapped, 'ipv4');
  return PRIVATE_ADDRESSES.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why this URL cannot receive webhooks, as a sentence for the user; undefined when it can. */
export function webhookUrlProblem(raw: string, { isProduction }: { isProduction: boolean }): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full URL, e.g. https://example.com/webhooks/switchyard.';
  }
  if (url.username || url.password) return 'The URL must not contain a user name or password; authenticate with the signature.';
  const host = hostOf(url);
  if (url.protocol === 'http:') {
    if (isProduction || !isLoopback(host)) return 'The URL must use https:// (plain http:// is only allowed to localhost outside production).';
    return undefined;
  }
  if (url.protocol !== 'https:') return 'The URL must use https://.';
  if (isProduction && isPrivate(host)) return 'The URL must point to a public address, not a private network.';
  return undefined;
}
