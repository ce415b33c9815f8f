// One config, two jobs:
//  - `npm start`: the demo page (index.html) with the reference store mounted at /v3 on the same
//    origin, so the demo needs no key, no account and no internet.
//  - `npm run build` (scripts/build.mjs): the merchant's drop-in script dist/tote.js, with
//    content-hashed lazy chunks and a manifest that scripts/size.mjs reads.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { createReferenceStore } from './demo/store/index.js';

/** Serves the reference store (demo/store) inside Vite's dev and preview servers. */
function referenceStore(): Plugin {
  type Next = () => void;
  const mount = (middlewares: { use(fn: (req: IncomingMessage, res: ServerResponse, next: Next) => void): void }) => {
    const store = createReferenceStore({
      rateWindowMs: Number(process.env.TOTE_RATE_WINDOW_MS ?? 60_000),
      faults: process.env.TOTE_FAULTS,
      seed: process.env.TOTE_SEED ? Number(process.env.TOTE_SEED) : undefined,
      // The demo's resilience lab switches faults at run time; this server listens on loopback only.
      control: true,
    });
    middlewares.use((req, res, next) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path === '/v3' || path.startsWith('/v3/') || path === '/__control') store.handle(req, res);
      else next();
    });
  };
  return {
    name: 'tote-reference-store',
    configureServer: (server) => mount(server.middlewares),
    configurePreviewServer: (server) => mount(server.middlewares),
  };
}

/**
 * Three kinds of file: `tote-core`, the modules the drop-in entry reaches through static imports
 * (the first paint); `tote-shop`, every element that loads on first use (product view, buy button,
 * cart drawer, checkout) and the window.Tote commands, in one file, because gzip finds their shared
 * words and markup only inside one file (about 4 KB less than a file each); and files of their own
 * for the language files (a page loads its own language only) and the grid's controls (small, and
 * wanted at once by a grid that shows them).
 */
function chunkOf(id: string, ctx: Rolldown.ChunkingContext): string | null {
  const seen = new Map<string, boolean>();
  const reached = (moduleId: string): boolean => {
    const known = seen.get(moduleId);
    if (known !== undefined) return known;
    seen.set(moduleId, false); // cycles: not reached through this path
    const info = ctx.getModuleInfo(moduleId);
    const result = !!info && (info.isEntry || info.importers.some(reached));
    seen.set(moduleId, result);
    return result;
  };
  if (reached(id)) return 'tote-core';
  if (/\/src\/(i18n\/|components\/products\/controls\.ts$)/.test(id)) return null;
  return 'tote-shop';
}

export default defineConfig({
  // Lit's html`` and css`` templates keep their indentation unless minified: build only, so the
  // dev server shows the source as written.
  plugins: [referenceStore(), { ...minifyTemplateLiterals(), apply: 'build' }],
  server: { host: '127.0.0.1', port: 5173, open: !process.env.CI && !process.env.TOTE_NO_OPEN },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    manifest: 'manifest.json',
    sourcemap: true,
    lib: {
      entry: { tote: 'src/drop-in.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      // The drop-in entry exports nothing, so code it shares with the lazy chunks may live in it:
      // one file for the first paint instead of a handful of small shared chunks.
      preserveEntrySignatures: 'allow-extension',
      // Lib mode leaves ES output unminified (for the developer's bundler); the drop-in script is
      // what merchants' shoppers download, so it is minified here.
      output: {
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Few files, not a handful of shared fragments (each one a request and gzip's start-up cost).
        codeSplitting: { groups: [{ name: chunkOf, debugName: 'core-and-shop' }] },
      },
    },
  },
});
