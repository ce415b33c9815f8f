// The demo page end to end: index.html in a frame, on the reference store at /v3. Drives the
// configurator, reads the live preview and the snippet, pastes the snippet (with the drop-in from
// source) into a blank page and finds the same shop there, runs the resilience lab, and checks
// the whole page with axe under its real stylesheet.
import { expect } from '@open-wc/testing';
import type { ConfigState } from '../../demo/page/config.js';
import { CDN_SRC } from '../../demo/page/snippet.js';

interface DemoWindow extends Window {
  toteDemo?: { state: ConfigState };
  axe?: {
    run(
      context: unknown,
      options: unknown,
    ): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }>;
  };
}

async function until<T>(read: () => T | undefined | null | false, what: string, timeout = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    let value: T | undefined | null | false;
    try {
      value = read();
    } catch {
      value = undefined; // a frame between two documents has none for a moment: not yet
    }
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const control = (body: object) =>
  fetch('/__control', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => r.json());

/** Product names a `<tote-products>` shows (its cards' name parts). */
const namesIn = (doc: Document | null | undefined) =>
  [...(doc?.querySelector('tote-products')?.shadowRoot?.querySelectorAll('[part~="name"]') ?? [])].map((el) =>
    el.textContent!.trim(),
  );

describe('the demo page (index.html)', function () {
  this.timeout(60_000);
  let frame: HTMLIFrameElement;
  let win: DemoWindow;
  let doc: Document;
  const previewFrame = () => doc.querySelector<HTMLIFrameElement>('#preview')!;
  const preview = () => previewFrame().contentDocument!;
  const snippet = () => doc.querySelector('#snippet-code')!.textContent!;
  const setField = (selector: string, value: string) => {
    const input = doc.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  before(async () => {
    await control({ faults: null, limits: { mutation: null }, resetLimits: true });
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1280px; height: 900px; border: 0';
    frame.src = '/index.html';
    document.body.append(frame);
    win = await until(
      () => (frame.contentWindow as DemoWindow | null)?.toteDemo && (frame.contentWindow as DemoWindow),
      'the demo page',
    );
    doc = frame.contentDocument!;
    await until(() => namesIn(preview()).length > 0, 'products in the preview');
  });

  after(async () => {
    frame.remove();
    await control({ faults: null, limits: { mutation: null }, rateWindowMs: 60_000, resetLimits: true });
  });

  it('shows the live shop and the snippet for the same settings', () => {
    expect(preview().querySelector('tote-products')!.getAttribute('columns')).to.equal('3');
    expect(snippet()).to.contain('<tote-products columns="3"');
    expect(snippet()).to.contain('data-public-key="pk_test_tote_demo"');
    expect(snippet()).to.contain(`data-api-base="${location.origin}/v3"`);
    expect(preview().querySelector('#header-slot tote-cart-toggle')).to.exist;
  });

  it('updates the preview and the snippet at once when a setting changes', async () => {
    doc.querySelectorAll<HTMLInputElement>('input[name="columns"]')[2]!.click(); // "4"
    await until(
      () => preview().querySelector('tote-products')?.getAttribute('columns') === '4',
      'four columns in the preview',
    );
    expect(snippet()).to.contain('<tote-products columns="4"');

    setField('input[aria-label="Accent colour as hex"]', '#0f766e');
    await until(
      () => getComputedStyle(preview().documentElement).getPropertyValue('--tote-accent').trim() === '#0f766e',
      'the accent in the preview',
    );
    expect(snippet()).to.contain('--tote-accent: #0f766e;');

    setField('#cfg-pos', 'bottom-left');
    await until(
      () => preview().querySelector('#floating tote-cart-toggle[position="bottom-left"]'),
      'a floating cart button',
    );
    expect(snippet()).to.contain('<tote-cart-toggle position="bottom-left"></tote-cart-toggle>');
  });

  it('applies a ready-made theme (tokens and dark scheme) to preview and snippet', async () => {
    doc.querySelector<HTMLButtonElement>('.theme-card[data-theme="midnight"]')!.click();
    await until(() => preview().documentElement.dataset.scheme === 'dark', 'the dark preview');
    expect(preview().querySelector('tote-products')!.getAttribute('color-scheme')).to.equal('dark');
    expect(getComputedStyle(preview().documentElement).getPropertyValue('--tote-radius').trim()).to.equal('18px');
    expect(doc.querySelector('.theme-card[data-theme="midnight"]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(snippet()).to.contain('--tote-accent: #2dd4bf;');
    expect(snippet()).to.contain('color-scheme="dark"');
  });

  it('pasted into a blank page, the snippet shows the same shop', async () => {
    const text = snippet();
    expect(text).to.contain(`src="${CDN_SRC}"`);
    const blank = document.createElement('iframe');
    blank.style.cssText = 'width: 1000px; height: 800px; border: 0';
    // The CDN address is a placeholder; in this test the drop-in comes from source.
    blank.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body>${text.replace(CDN_SRC, '/src/drop-in.ts')}</body></html>`;
    document.body.append(blank);
    try {
      const names = await until(
        () => namesIn(blank.contentDocument).length > 0 && namesIn(blank.contentDocument),
        'products on the blank page',
      );
      expect(names).to.deep.equal(namesIn(preview()));
      const pasted = blank.contentDocument!;
      expect(pasted.querySelector('tote-products')!.getAttribute('columns')).to.equal('4');
      expect(getComputedStyle(pasted.documentElement).getPropertyValue('--tote-accent').trim()).to.equal('#2dd4bf');
      expect(pasted.querySelector('tote-cart-toggle')!.getAttribute('position')).to.equal('bottom-left');
      expect((blank.contentWindow as Window & { Tote?: { version: string } }).Tote?.version).to.equal('0.1.0');
    } finally {
      blank.remove();
    }
  });

  it('copies the snippet and says so in a live region', async () => {
    const status = doc.querySelector('.copy-status')!;
    expect(status.getAttribute('role')).to.equal('status');
    doc.querySelector<HTMLButtonElement>('button.copy')!.click();
    await until(() => status.textContent!.trim(), 'the copy announcement');
    expect(status.textContent).to.match(/Copied the embed code|Could not copy/);
  });

  it('runs the resilience lab: tight limits, twenty quick adds, nothing lost', async () => {
    const limits = doc.querySelector<HTMLInputElement>('input[name="fault-limits"]')!;
    limits.click();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the POST to /__control
    const settings = (await (await fetch('/__control')).json()) as {
      data: { limits: { effective: { mutation: number } } };
    };
    expect(settings.data.limits.effective.mutation).to.equal(4);
    doc.querySelector<HTMLButtonElement>('.lab-actions .button')!.click();
    const verdict = await until(
      () =>
        /Nothing lost|Mismatch|Could not/.test(doc.querySelector('.verdict')!.textContent!) &&
        doc.querySelector('.verdict')!.textContent!,
      'the verdict',
      40_000,
    );
    expect(verdict).to.contain('Nothing lost');
    // Every request the preview sent has a status; none was refused with a 429.
    const statuses = [...doc.querySelectorAll('.log tbody .pill')].map((el) => el.textContent!.trim());
    expect(statuses).not.to.include('429');
    doc.querySelector<HTMLButtonElement>('.lab-actions .button.secondary')!.click(); // heal
    await until(() => !limits.checked, 'the switch off');
  });

  it('adds <tote-reviews> for a product picked from the catalogue, and <tote-account>', async () => {
    const picker = doc.querySelector<HTMLSelectElement>('#cfg-reviews-product')!;
    expect(picker.disabled).to.equal(true);
    doc.querySelector<HTMLInputElement>('input[name="show-reviews"]')!.click();
    doc.querySelector<HTMLInputElement>('input[name="show-account"]')!.click();
    await until(() => picker.options.length > 10, 'the catalogue in the product picker');
    expect(picker.disabled).to.equal(false);
    expect([...picker.options].find((o) => o.value === 'chefs-knife')?.textContent).to.equal("Chef's Knife");
    setField('#cfg-reviews-product', 'chefs-knife');
    await until(
      () => preview().querySelector('#shop tote-reviews[product="chefs-knife"]'),
      'the reviews in the preview',
    );
    expect(preview().querySelector('#shop tote-account')).to.exist;
    expect(snippet()).to.contain('<tote-reviews product="chefs-knife"');
    expect(snippet()).to.contain('<tote-account');
    doc.querySelector<HTMLInputElement>('input[name="show-reviews"]')!.click();
    doc.querySelector<HTMLInputElement>('input[name="show-account"]')!.click();
    await until(() => !preview().querySelector('#shop tote-account'), 'the account element gone');
    expect(snippet()).not.to.contain('tote-reviews');
  });

  it('shows the sign-in codes the reference store mailed, in a labelled demo mailbox', async () => {
    const panel = doc.querySelector('.mailbox-panel')!;
    expect(panel.querySelector('h2')!.textContent).to.match(/Mailbox\s+demo tool/i);
    const toggle = panel.querySelector<HTMLButtonElement>('button[aria-controls="mailbox-messages"]')!;
    const messages = doc.querySelector<HTMLElement>('#mailbox-messages')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(messages.hidden).to.equal(true);
    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await fetch('/v3/public/pk_test_tote_demo/customer/otp', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'grace@example.com' }),
    });
    // Another test may have asked within the minute (then nothing new is sent): the newest code counts.
    const outbox = (await (await fetch('/v3/__control/outbox?to=grace@example.com')).json()) as {
      data: { code: string; kind: string }[];
    };
    const code = outbox.data.find((m) => m.kind === 'login_code')!.code;
    const shown = await until(
      () =>
        [...messages.querySelectorAll('.mail')].find(
          (m) => m.textContent!.includes('grace@example.com') && m.querySelector('code')!.textContent === code,
        ),
      'the code in the mailbox',
      8000,
    );
    expect(shown.textContent).to.contain('valid until');
    expect(shown.querySelector('button')!.getAttribute('aria-label')).to.equal(
      'Copy the sign-in code for grace@example.com',
    );
    expect(panel.querySelector('[role="status"]')).to.exist;
    await control({ resetLimits: true }); // the one code request spends no other test's budget
  });

  it('passes axe on the whole page, with its own stylesheet', async () => {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js'; // same origin: allowed by the page's CSP
    doc.head.append(script);
    const axe = await until(() => win.axe, 'axe in the demo page');
    const { violations } = await axe.run(doc, { iframes: false, resultTypes: ['violations'] });
    expect(
      violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`),
    ).to.deep.equal([]);
  });

  it('reloads the preview in another language, right to left for Arabic', async () => {
    setField('#cfg-lang', 'ar');
    await until(
      () => preview()?.documentElement.lang === 'ar' && preview().documentElement.dir === 'rtl',
      'the Arabic preview',
    );
    expect(snippet()).to.contain('data-locale="ar"');
    await until(() => namesIn(preview()).length > 0, 'products in the Arabic preview');
    setField('#cfg-lang', 'en');
    await until(() => preview()?.documentElement.lang === 'en', 'the English preview');
  });

  it('refuses a pasted secret key, warns to rotate it, and lets it go nowhere', async () => {
    const secret = 'sk_live_51HxQ2eTestSecretKey9876';
    setField('#cfg-key', secret);
    const alert = await until(() => doc.querySelector('#cfg-key-error[role="alert"]'), 'the refusal');
    expect(alert.textContent).to.match(/rotate it now/i);
    expect(doc.querySelector('#cfg-key')!.getAttribute('aria-invalid')).to.equal('true');
    // (the preview reloads: wait for the refusal element itself, not for the absence of a hidden one)
    await until(
      () => preview()?.querySelector<HTMLElement>('#refusal')?.hidden === false,
      'the refusal in the preview',
    );
    expect(preview().querySelector('#refusal')!.textContent).to.match(/secret key/);
    expect(preview().querySelector('tote-products')).to.equal(null);
    expect(snippet()).not.to.contain(secret);
    expect(snippet()).not.to.contain('51HxQ2e');
    expect(previewFrame().src + previewFrame().contentWindow!.location.href).not.to.contain('51HxQ2e');
    doc.querySelector<HTMLButtonElement>('#cfg-key-hint .link')!.click(); // back to the demo key
    await until(() => namesIn(preview()).length > 0, 'the shop back');
    expect(win.toteDemo!.state.value.publicKey).to.equal('pk_test_tote_demo');
  });
});
