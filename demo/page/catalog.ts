// The catalogue showcase (demo/catalog.html): registers the Tote tags; the page itself is markup.
// Shows in the console what the elements tell the page, as a merchant's script would see it.
import '../../src/define.js';

for (const type of ['tote-product-select', 'tote-add', 'tote-buy'] as const) {
  document.addEventListener(type, (event) => console.info(`[demo] ${type}`, (event as CustomEvent).detail));
}
