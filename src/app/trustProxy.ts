import { isIP } from 'node:net';

/** What Fastify's trustProxy is given: nothing trusted, a number of proxy hops, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for address ranges, accepted beside addresses and CIDRs. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const isAddressOrCidr = (entry: string): boolean => {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
};

const REFUSE_TRUE =
  'true would trust every X-Forwarded-For address, so clients could choose their own IP and escape the rate limits; ' +
  'give the number of proxies in front of the service (TRUST_PROXY=1) or their addresses (TRUST_PROXY=10.0.0.0/8,127.0.0.1)';

/** TRUST_PROXY as written in the environment: false, a hop count, or a comma-separated list of addresses and CIDRs. */
export function parseTrustProxy(value: string): { ok: true; value: TrustProxy } | { ok: false; message: string } {
  const text = value.trim();
  if (text === 'false' || text === '0') return { ok: true, value: false };
  if (text === 'true') return { ok: false, message: REFUSE_TRUE };
  if (/^\d+$/.test(text)) return { ok: true, value: Number(text) };
  const entries = text.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isAddressOrCidr(e));
  if (bad.length > 0)
    return {
      ok: false,
      message: `"${bad.join('", "')}" is not a hop count, an IP address or a CIDR range; use false, a number of proxies such as 1, or addresses such as 10.0.0.0/8,127.0.0.1`,
    };
  return { ok: true, value: entries };
}

/**
 * For Fastify's trustProxy: a hop count as a function trusting that many hops from the socket. Fastify 5 ignores a
 * plain number (it cannot tell a proxy from a direct client), so the README says to use a count only where the
 * service is reachable through the proxies alone.
 */
export const fastifyTrustProxy = (trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) =>
  typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
