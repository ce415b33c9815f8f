// The embed-code panel: the snippet for the current config, and a copy button that says what it
// did in a live region ("Copied", or how to copy by hand).
import { html, render } from 'lit';
import type { ConfigState } from './config.js';
import { copyText } from './copy.js';
import { embedSnippet } from './snippet.js';

export function mountSnippetPanel(root: HTMLElement, state: ConfigState): void {
  let announcement = '';
  let copied = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const draw = () => {
    const snippet = embedSnippet(state.value, { origin: location.origin });
    render(
      html`
        <div class="snippet-head">
          <div>
            <h2 id="snippet-heading">Embed code</h2>
            <p class="lede">Paste it into any page: a site builder’s HTML block, a CMS template, a static page.</p>
          </div>
          <button type="button" class="button copy" data-copied=${copied ? 'true' : 'false'} @click=${() => void copy(snippet.text)}>
            ${copied ? 'Copied' : 'Copy code'}
          </button>
        </div>
        <pre class="code" tabindex="0" aria-label="Embed code"><code id="snippet-code">${snippet.text}</code></pre>
        <p class="copy-status" role="status">${announcement}</p>
      `,
      root,
    );
  };

  const copy = async (text: string) => {
    const ok = await copyText(text);
    copied = ok;
    announcement = ok
      ? 'Copied the embed code to the clipboard.'
      : 'Could not copy: select the code and press Ctrl+C (⌘C on a Mac).';
    draw();
    clearTimeout(timer);
    timer = setTimeout(() => {
      copied = false;
      announcement = '';
      draw();
    }, 4000);
  };

  state.subscribe(draw);
}
