// The shell of every HTML page the store serves itself (the hosted card page, the PayPal-like
// approval page, the legal pages): plain forms, no scripts at all, so each page works with
// JavaScript off and under a CSP that forbids scripts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './http.js';

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'none'";

export const esc = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { max-width: 28rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }
  .card { border: 1px solid #8886; border-radius: .75rem; padding: 1.5rem; }
  .amount { font-size: 2rem; font-weight: 700; margin: .25rem 0 1rem; }
  label { display: block; font-weight: 600; margin-bottom: .25rem; }
  input { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem; border-radius: .375rem; border: 1px solid #8888; }
  .actions { display: flex; gap: .5rem; flex-wrap: wrap; margin-top: 1rem; }
  button { font: inherit; padding: .6rem 1rem; border-radius: .375rem; border: 1px solid #8888; cursor: pointer; }
  button[value=pay], button[value=approve] { background: #1a7f37; color: #fff; border-color: #1a7f37; }
  .paypal { background: #ffc439; color: #111; padding: .25rem .6rem; border-radius: .375rem; font-weight: 800; display: inline-block; }
  .error { color: #b42318; font-weight: 600; }
  .test { background: #fff4ce; color: #4d3800; padding: .5rem .75rem; border-radius: .375rem; font-size: .9rem; }
  small { opacity: .8; }`;

export function page(res: ServerResponse, status: number, title: string, body: string, lang = 'en'): void {
  const html =
    `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">` +
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', String(Buffer.byteLength(html)));
  res.writeHead(status);
  res.end(html);
}

/** 303 See Other: the browser follows with a GET, as after any form submission. */
export function seeOther(res: ServerResponse, location: string): void {
  res.setHeader('Location', location);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', '0');
  res.writeHead(303);
  res.end();
}

/** A posted form's fields; null after answering 413 for a body over the size limit. */
export async function readForm(req: IncomingMessage, res: ServerResponse): Promise<URLSearchParams | null> {
  try {
    return new URLSearchParams(await readBody(req));
  } catch {
    page(res, 413, 'Too large', '<main class="card"><p class="error">The form was too large.</p></main>');
    return null;
  }
}
