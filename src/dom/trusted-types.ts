// Trusted Types: a page that sends `require-trusted-types-for 'script'` refuses plain strings at
// the DOM's injection sinks (https://w3c.github.io/trusted-types/dist/spec/). Tote reaches two: the
// parse of a merchant description into an inert template (sanitize.ts), and the text of a
// product's JSON-LD block. Both go through one policy, named `tote`: the name a page allows in
// `trusted-types` (README). The policy object stays in this module; only the two uses below exist.

interface Policy {
  createHTML(text: string): string;
  createScript(text: string): string;
}
type Factory = { createPolicy(name: string, rules: Policy): Policy };

let policy: Policy | undefined;
let tried = false;

function tote(): Policy | undefined {
  if (!tried) {
    tried = true;
    try {
      policy = (globalThis as { trustedTypes?: Factory }).trustedTypes?.createPolicy('tote', {
        // Any text, which is safe only because it is parsed into an inert template (see `inert`).
        createHTML: (text) => text,
        // JSON only: a JSON text has no calls or assignments, so even run as a script it does nothing.
        createScript: (text) => (JSON.parse(text), text),
      });
    } catch {
      // `trusted-types` without `tote`: where they are required, the sinks below throw and callers degrade.
      console.warn("Tote: allow the Trusted Types policy 'tote' (trusted-types) to show product descriptions.");
    }
  }
  return policy;
}

/**
 * `html` parsed into a template's inert content: scripts do not run, images do not load, handlers
 * are never attached. For the sanitiser only, which rebuilds what it keeps with DOM calls (no sink).
 * Throws where Trusted Types are required and the page refused the policy.
 */
export function inert(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = tote()?.createHTML(html) ?? html;
  return template.content;
}

/** Sets the text of a data block (`<script type="application/ld+json">`) to `json`; throws as `inert`. */
export function setJsonText(script: HTMLScriptElement, json: string): void {
  script.textContent = tote()?.createScript(json) ?? json;
}
