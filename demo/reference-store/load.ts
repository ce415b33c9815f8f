// A short, bounded load run against the reference store on loopback:
//   npx tsx demo/reference-store/load.ts            (LOAD_DURATION=5 s per endpoint, LOAD_CONNECTIONS=10)
// The store runs in this process with rate limits lifted (`limits: {'*': 1e9}`: every class and
// endpoint gets a billion requests per window), so the figures measure the server, not the 429
// path. Client and server share this process and its CPU, so treat the numbers as a floor.
import autocannon, { type Result } from 'autocannon';
import { startReferenceStore } from './index.js';

const duration = Number(process.env.LOAD_DURATION ?? 5);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 10);
if (!(duration > 0 && duration <= 60) || !(connections > 0 && connections <= 500)) {
  console.error('LOAD_DURATION must be 1–60 seconds and LOAD_CONNECTIONS 1–500.');
  process.exit(1);
}

const KEY = 'pk_test_tote_demo';

function report(name: string, result: Result): void {
  const rps = Math.round(result.requests.average);
  console.log(
    `${name.padEnd(22)} ${String(rps).padStart(7)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms` +
      `   (${result.requests.total ?? '?'} requests, ${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors)`,
  );
}

async function main(): Promise<void> {
  const running = await startReferenceStore({ port: 0, limits: { '*': 1_000_000_000 } });
  const api = `${running.url}/public/${KEY}`;
  try {
    // An unlimited-stock variant (the print-on-demand poster), so no add is refused for stock.
    const product = (await (await fetch(`${api}/products/art-print-mountains`)).json()) as {
      data: { variants: { id: string }[] };
    };
    const variantId = product.data.variants[0]?.id;
    if (!variantId) throw new Error('seed product art-print-mountains not found');

    console.log(`reference store at ${running.url}; ${connections} connections, ${duration} s per endpoint\n`);
    const products = await autocannon({ url: `${api}/products`, connections, duration });
    report('GET /products', products);

    // 2,000 shoppers take turns, so lines grow slowly and stay far below the 999-per-line cap.
    let n = 0;
    const body = JSON.stringify({ variantId, quantity: 1 });
    const adds = await autocannon({
      url: `${api}/cart/items`,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => ({
            ...request,
            method: 'POST',
            body,
            headers: {
              ...request.headers,
              'content-type': 'application/json',
              authorization: `Bearer ${KEY}`,
              'x-cart-token': `load_shopper_${(n++ % 2000).toString().padStart(4, '0')}`,
            },
          }),
        },
      ],
    });
    report('POST /cart/items', adds);
  } finally {
    await running.close();
  }
}

void main();
