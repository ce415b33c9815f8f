// The cart showcase (demo/cart.html). `?demo=drawer|contact|address|shipping|payment|review|receipt`
// fills the cart and walks the checkout to that point, so screenshots need no typing.
import '../../src/define.js';
import type { ToteCart, ToteCheckout } from '../../src/index.js';
import { whenUsed } from '../../src/dom/lazy-define.js';

const target = new URL(location.href).searchParams.get('demo');

async function until<T>(read: () => T | undefined | null | false, timeout = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error('demo: timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function walk(): Promise<void> {
  if (!target) return;
  await fetch('/__control', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reset: true }),
  });
  const store = document.querySelector('tote-store')!;
  const shop = await until(() => store.shop);
  await shop.cart.start();
  for (const slug of ['stoneware-mug', 'chefs-knife']) {
    const product = await shop.catalog.product(slug);
    const variant = product.variants.find((v) => v.sellableQuantity !== 0) ?? product.variants[0]!;
    shop.cart.add(variant.id, slug === 'stoneware-mug' ? 2 : 1, {
      productId: product.id,
      name: product.name,
      variantName: variant.optionValues.map((o) => o.value).join(' / ') || null,
      sku: variant.sku,
      unitPrice: variant.price,
      imageUrl: product.images[0]?.urls?.thumb ?? product.images[0]?.url ?? null,
    });
  }
  await shop.cart.settled();
  await whenUsed('tote-cart'); // the drawer loads when first needed
  const cart = document.querySelector<ToteCart>('tote-cart:not([mode="inline"])')!;
  cart.show();
  if (target === 'drawer') return;
  await whenUsed('tote-checkout');
  (cart.renderRoot.querySelector('[part="checkout-button"]') as HTMLButtonElement).click();
  const checkout = await until(() => cart.renderRoot.querySelector<ToteCheckout>('tote-checkout'));
  const flow = await until(() => checkout.flow?.state.phase === 'form' && checkout.flow);
  if (target === 'contact') return;
  await flow.submitContact({ email: 'ada@example.com' });
  if (target === 'address') return;
  await flow.submitAddress({
    name: 'Ada Lovelace',
    line1: '12 Analytical Row',
    city: 'Brooklyn',
    postalCode: '11201',
    countryCode: 'US',
    region: 'NY',
  });
  if (target === 'shipping') return;
  await flow.chooseShipping('ship_us_standard');
  if (target === 'payment') return;
  flow.choosePayment(flow.state.methods[target === 'receipt' ? 1 : 0]!.select);
  if (target === 'review') return;
  await flow.placeOrder({ agreed: true });
}

walk().catch((error: unknown) => console.error(error));
