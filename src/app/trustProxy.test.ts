import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './trustProxy.js';

describe('parseTrustProxy', () => {
  it('reads false, a hop count, or addresses and CIDR ranges', () => {
    expect(parseTrustProxy('false')).toEqual({ ok: true, value: false });
    expect(parseTrustProxy('0')).toEqual({ ok: true, value: false });
    expect(parseTrustProxy('1')).toEqual({ ok: true, value: 1 });
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback')).toEqual({
      ok: true,
      value: ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback'],
    });
  });

  it('refuses true, saying why and what to give instead', () => {
    const result = parseTrustProxy('true');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^true would trust every X-Forwarded-For address.*TRUST_PROXY=1.*TRUST_PROXY=10\.0\.0\.0\/8,127\.0\.0\.1/,
    );
  });

  it('names each entry that is not an address or range', () => {
    expect(parseTrustProxy('10.0.0.0/33,proxy.local,127.0.0.1')).toEqual({
      ok: false,
      message:
        '"10.0.0.0/33", "proxy.local" is not a hop count, an IP address or a CIDR range; use false, a number of proxies such as 1, or addresses such as 10.0.0.0/8,127.0.0.1',
    });
    expect(parseTrustProxy('1.2.3.4/8/1').ok).toBe(false);
  });
});
