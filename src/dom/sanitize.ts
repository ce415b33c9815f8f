import { inert } from './trusted-types.js';

// Product descriptions are HTML written by the merchant (or by whoever got into their admin):
// untrusted. This allow-list keeps formatting and safe links and drops everything else. No
// dependency: the browser's own parser reads the text into an inert <template> (scripts do not
// run, images do not load, handlers are never attached), then the tree is rebuilt from allowed
// parts only.

/** Elements kept, with the attributes each may keep. */
const ALLOWED: Record<string, readonly string[]> = {
  p: [],
  br: [],
  hr: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  s: [],
  small: [],
  sub: [],
  sup: [],
  mark: [],
  code: [],
  pre: [],
  blockquote: [],
  span: [],
  div: [],
  ul: [],
  ol: [],
  li: [],
  dl: [],
  dt: [],
  dd: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['scope'],
  td: [],
  a: ['href', 'title'],
};

/**
 * Elements dropped with everything inside them (their content is code, media or a form, not
 * text). Any other unknown element is unwrapped: its text survives, its tag does not.
 */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'svg',
  'math',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'canvas',
  'map',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'dialog',
  'title',
  'head',
  'xmp',
  'plaintext',
]);

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * Whether an `href` may stay: http(s), mailto and tel URLs, and relative links. The URL parser
 * sees what the browser would follow, so `java&#09;script:`, ` JAVASCRIPT:` and the like are
 * caught after the same normalisation the browser applies.
 */
export function isSafeHref(href: string): boolean {
  try {
    return SAFE_SCHEMES.has(new URL(href, 'https://relative.invalid/').protocol);
  } catch {
    return false;
  }
}

function clean(source: Node, target: Node, doc: Document): void {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      target.appendChild(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue; // comments, processing instructions
    const element = child as Element;
    const tag = element.localName;
    // Elements of other namespaces (inside svg/math) are never allowed even if their name is.
    if (DROPPED.has(tag) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
    const allowed = Object.hasOwn(ALLOWED, tag) ? ALLOWED[tag] : undefined; // <constructor> is no allowed tag
    if (!allowed) {
      clean(element, target, doc); // unwrap
      continue;
    }
    const copy = doc.createElement(tag);
    for (const name of allowed) {
      const value = element.getAttribute(name);
      if (value === null || (name === 'href' && !isSafeHref(value))) continue;
      copy.setAttribute(name, value);
    }
    if (tag === 'a' && copy.hasAttribute('href')) {
      // Merchant links leave the shop: a new tab, and no access back to this page (reverse tabnabbing).
      copy.setAttribute('target', '_blank');
      copy.setAttribute('rel', 'noopener noreferrer nofollow');
    }
    clean(element, copy, doc);
    target.appendChild(copy);
  }
}

/**
 * Parses untrusted HTML and returns only allowed elements, attributes and URLs, as a fragment.
 * Where Trusted Types are required and the page refused Tote's policy (trusted-types.ts), the
 * text cannot be parsed at all: an empty fragment, so the product still renders without it.
 */
export function sanitizeFragment(html: string): DocumentFragment {
  let parsed: DocumentFragment;
  try {
    parsed = inert(html);
  } catch {
    return new DocumentFragment();
  }
  const doc = parsed.ownerDocument; // the template's inert document
  const out = doc.createDocumentFragment();
  clean(parsed, out, doc);
  return out;
}

/**
 * The sanitised HTML as text (the product view renders `sanitizeFragment`'s nodes; this is for a
 * page that shows a description its own way). Re-parsing the output is stable: only plain HTML
 * elements without namespaces or raw-text content survive, so serialising and parsing again cannot
 * turn text into markup (no mutation XSS).
 */
export function sanitizeHtml(html: string): string {
  const holder = document.createElement('div');
  holder.appendChild(sanitizeFragment(html));
  return holder.innerHTML;
}
