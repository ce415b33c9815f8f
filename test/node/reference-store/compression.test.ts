// The reference store answers as a real API does (issue 21): JSON compressed by Accept-Encoding,
// shared reads revalidated by ETag, one visitor's answers never cached. Raw HTTP here (node:http),
// because fetch would decompress and hide what went over the wire.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DEMO, newToken, startStore, type Harness } from './helpers';

let h: Harness;
before(async () => {
  h = await startStore();
});
after(() => h.close());

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(`${h.url}/public/${DEMO}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compression and revalidation', () => {
  it('compresses a product list with brotli or gzip as asked, to a fraction of its size, the same JSON inside', async () => {
    const plain = await get('/products?perPage=24');
    assert.equal(plain.headers['content-encoding'], undefined, 'nothing asked, nothing compressed');
    const br = await get('/products?perPage=24', { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(Number(br.headers['content-length']), br.body.length);
    assert.deepEqual(JSON.parse(brotliDecompressSync(br.body).toString()), JSON.parse(plain.body.toString()));
    assert.ok(br.body.length * 4 < plain.body.length, `${br.body.length} B compressed of ${plain.body.length} B`);
    const gzip = await get('/products?perPage=24', { 'Accept-Encoding': 'gzip;q=1, br;q=0' });
    assert.equal(gzip.headers['content-encoding'], 'gzip', 'br;q=0 refuses brotli');
    assert.deepEqual(JSON.parse(gunzipSync(gzip.body).toString()), JSON.parse(plain.body.toString()));
    assert.match(String(br.headers.vary), /Accept-Encoding/);
  });

  it('a shared read carries an ETag and no-cache; the same ETag back gets a 304 without a body', async () => {
    const first = await get('/products?perPage=6');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[\w-]{22}"$/);
    assert.equal(first.headers['cache-control'], 'no-cache');
    const again = await get('/products?perPage=6', { 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const other = await get('/products?perPage=5', { 'If-None-Match': etag });
    assert.equal(other.status, 200, 'another list is another answer');
  });

  it("one visitor's cart is never cached and carries no ETag; errors neither", async () => {
    const cart = await get('/cart', { 'X-Cart-Token': newToken(), 'Accept-Encoding': 'br' });
    assert.equal(cart.status, 200);
    assert.equal(cart.headers['cache-control'], 'no-store');
    assert.equal(cart.headers.etag, undefined);
    const missing = await get('/products/no-such-product');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['cache-control'], 'no-store');
    assert.equal(missing.headers.etag, undefined);
  });
});
