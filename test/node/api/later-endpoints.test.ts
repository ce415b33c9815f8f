// The endpoints a first paint never calls are stubs in endpoints.ts that load later-endpoints.ts
// on first use: the list of stubs must name every endpoint of that module, and a stub must behave
// exactly as the endpoint (same request, same answer, same refusal).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caller } from '../../../src/api/endpoint-call';
import { endpoints, LATER_ENDPOINTS } from '../../../src/api/endpoints';
import { laterEndpoints } from '../../../src/api/later-endpoints';
import type { Send } from '../../../src/api/transport';

describe('later endpoints', () => {
  it('endpoints.ts has a stub for every endpoint of later-endpoints.ts, and no other', () => {
    const send = (() => Promise.resolve(undefined)) as unknown as Send;
    const real = Object.keys(laterEndpoints(caller(send))).sort();
    assert.deepEqual([...LATER_ENDPOINTS].sort(), real);
    const api = endpoints(send);
    for (const name of real) assert.equal(typeof api[name as keyof typeof api], 'function', name);
  });

  it('a stub sends what the endpoint sends and resolves to its normalized answer', async () => {
    const sent: unknown[][] = [];
    const send = (async (
      method: string,
      pattern: string,
      _options: unknown,
      parts: { normalize?: (v: unknown) => unknown },
    ) => {
      sent.push([method, pattern, JSON.stringify(parts)]);
      return parts.normalize?.({ sent: true, recognised: true, retryAfterSeconds: null });
    }) as unknown as Send;
    const answer = await endpoints(send).requestLoginCode('ada@example.com');
    assert.deepEqual(answer, { sent: true, recognised: true, retryAfterSeconds: null });
    assert.deepEqual(sent, [['POST', '/customer/otp', JSON.stringify({ body: { email: 'ada@example.com' } })]]);
  });
});
