// Ids in paths (src/api/endpoints.ts): percent-encoding leaves "." and "..", which a URL resolves
// as path segments, so an order id ".." from a hostile answer or link would turn
// `POST /orders/../pay` into `POST /pay`. Such an id is refused before anything is sent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../src/api/index';
import { client, fakeFetch, rejection } from './fake-fetch';

describe('ids in paths', () => {
  it("'.' and '..' never leave /orders/ (or any other collection): refused, nothing sent", async () => {
    const f = fakeFetch();
    const api = client(f);
    const calls = [
      () => api.pay('..', { returnUrl: 'https://shop.example/#tote-payment=return' }),
      () => api.capture('.', { paypalOrderId: 'PP-1' }),
      () => api.orderStatus('..'),
      () => api.order('.'),
      () => api.product('..'),
      () => api.updateItem('..', 2),
      () => api.removeItem('.'),
    ];
    for (const call of calls) {
      const error = await rejection<ApiError>(call());
      assert.ok(error instanceof ApiError);
      assert.equal(error.code, 'BAD_REQUEST');
    }
    assert.deepEqual(f.sent, []);
  });

  it('ids with dots inside, or characters to escape, still go out, encoded in their segment', async () => {
    const f = fakeFetch();
    const api = client(f);
    await api.orderStatus('ord_1.2');
    await api.product('a/..');
    assert.deepEqual(
      f.sent.map((r) => r.path),
      ['/orders/ord_1.2/status', '/products/a%2F..'],
    );
  });
});
