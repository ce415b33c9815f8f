// The demo page's script. Until the catalogue elements exist (issue 6), it lists the reference
// store's products with plain DOM calls, reading the same public API the widget will use.
import '../../src/define.js';

const API = '/v3/public/pk_test_tote_demo';

interface DemoProduct {
  id: string;
  name: string;
  images: { url: string; alt: string | null }[];
  variants: { price: number; sellableQuantity: number | null }[];
}

async function listProducts(): Promise<void> {
  const status = document.getElementById('status')!;
  const list = document.getElementById('products')!;
  try {
    const [storeResponse, productsResponse] = await Promise.all([fetch(API), fetch(`${API}/products?perPage=24`)]);
    if (!storeResponse.ok || !productsResponse.ok) throw new Error(`HTTP ${productsResponse.status}`);
    const store = (await storeResponse.json()) as { data: { currency: string; name: string } };
    const products = (await productsResponse.json()) as { data: DemoProduct[]; meta: { total: number } };
    const money = new Intl.NumberFormat(navigator.language, { style: 'currency', currency: store.data.currency });
    for (const product of products.data) {
      const item = document.createElement('li');
      const image = product.images[0];
      if (image) {
        const img = document.createElement('img');
        img.src = image.url;
        img.alt = image.alt ?? '';
        img.width = 160;
        img.height = 160;
        img.loading = 'lazy';
        item.append(img);
      }
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = product.name; // text, never HTML: catalogue data is untrusted
      const price = document.createElement('span');
      price.className = 'price';
      const lowest = Math.min(...product.variants.map((variant) => variant.price));
      price.textContent = money.format(lowest / 100);
      item.append(name, price);
      list.append(item);
    }
    status.textContent = `${store.data.name}: showing ${products.data.length} of ${products.meta.total} products.`;
  } catch (error) {
    status.textContent = `The reference store did not answer (${String(error)}). Is \`npm start\` running?`;
  }
}

void listProducts();
