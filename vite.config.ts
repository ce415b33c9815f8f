// One config, two jobs:
//  - `npm start`: the demo page (index.html) with the reference store mounted at /v3 on the same
//    origin, so the demo needs no key, no account and no internet.
//  - `npm run build` (scripts/build.mjs): the merchant's drop-in script dist/tote.js, with
//    content-hashed lazy chunks and a manifest that scripts/size.mjs reads.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { minify } from 'terser';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { createReferenceStore } from './demo/reference-store/index.js';
import { chunkIntegrity } from './scripts/chunk-integrity.js';

const integrity = chunkIntegrity(import.meta.dirname);

/** Serves the reference store (demo/reference-store) inside Vite's dev and preview servers. */
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
 * A last pass of terser over the minified files: its compressor finds about 0.4 KB gzip more than
 * Rolldown's minifier alone (measured with `npm run size`). It runs on the finished files because
 * Rolldown prints the code of earlier hooks anew; the source maps are carried through. It also puts
 * in the lazy files' integrity (scripts/chunk-integrity.ts), so the lazy files go first and the
 * entry, which holds their hashes, last.
 */
function terserPass(): Plugin {
  return {
    name: 'tote-terser',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      chunks.sort((a, b) => Number(a.isEntry) - Number(b.isEntry));
      for (const file of chunks) {
        const result = await minify(file.code, {
          module: true,
          ecma: 2020,
          compress: { passes: 2, global_defs: integrity.definesFor(file, bundle) },
          sourceMap: file.map ? { content: JSON.stringify(file.map), asObject: true } : false,
        });
        file.code = result.code ?? file.code;
        if (file.map && result.map) Object.assign(file.map, result.map);
        integrity.finished(file);
      }
    },
  };
}

/**
 * Four kinds of file: `tote-core`, the modules the drop-in entry reaches through static imports
 * (the first paint); `tote-shop`, every element that loads on first use (product view, buy button,
 * cart drawer, checkout) and the window.Tote commands, in one file, because gzip finds their shared
 * words and markup only inside one file (about 4 KB less than a file each); `tote-account`,
 * `tote-reviews`, `tote-categories` and `tote-grid` (the grid's rarer controls and quick add),
 * each of those elements or parts (the first two with their headless halves, the account session
 * and the reviews feed) and what only it uses, because most pages show none of them; and a file of
 * its own for each
 * language (a page loads its own language only). What the account or the reviews share with
 * another lazy file (the lazy base element, the panel's styles, the sensitive requests' problems)
 * stays in `tote-shop`.
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
  if (/\/src\/i18n\//.test(id)) return null;
  return ownChunk(id, ctx, reached, new Set()) ?? 'tote-shop';
}

const OWN_CHUNK =
  /\/src\/(?:components|store)\/(account|reviews|categories)\/|\/src\/components\/products\/(grid)-extras\./;

/**
 * `tote-account`, `tote-reviews` or `tote-categories` for a module that only that file's modules
 * import (a first-paint module's `import()` aside), counting those elements' folders as theirs; undefined
 * for anything else.
 */
function ownChunk(
  id: string,
  ctx: Rolldown.ChunkingContext,
  reached: (id: string) => boolean,
  visiting: Set<string>,
): string | undefined {
  const info = ctx.getModuleInfo(id);
  if (!info || visiting.has(id)) return undefined;
  const importers = [...info.importers, ...info.dynamicImporters].filter((importer) => !reached(importer));
  visiting.add(id);
  const chunks = new Set(importers.map((importer) => ownChunk(importer, ctx, reached, visiting)));
  visiting.delete(id);
  const match = OWN_CHUNK.exec(id);
  const folder = match?.[1] ?? match?.[2];
  if (folder) chunks.add(`tote-${folder}`);
  return chunks.size === 1 ? [...chunks][0] : undefined;
}

/**
 * The groups of `chunkOf`, the first paint's first and the shop's next: a group takes the modules
 * its own ones import as well (Rolldown's `includeDependenciesRecursively`), and of groups with the
 * same priority the earlier one chooses first, so the account's file never takes the first paint's
 * modules or the shop's.
 */
/**
 * Keeps the modules whose whole job is a side effect (registering tags, offering `window.Tote`), so
 * that Rolldown keeps `import './define.js'`. Said here rather than in package.json's `sideEffects`,
 * which speaks for the shipped `dist/` files only (issue 19): there it would name sources the
 * package does not ship. (Vite's resolver answers from package.json, and a transform's answer
 * comes first.)
 */
export function keepSideEffects(): Plugin {
  const registers = /[\\/]src[\\/](?:define|drop-in|components[\\/][^\\/]+[\\/]define)\.ts$/;
  return {
    name: 'tote-keep-side-effects',
    apply: 'build',
    transform: (code, id) => (registers.test(id) ? { code, moduleSideEffects: true } : null),
  };
}

const only = (name: string) => (id: string, ctx: Rolldown.ChunkingContext) => (chunkOf(id, ctx) === name ? name : null);

export default defineConfig({
  // Lit's html`` and css`` templates keep their indentation unless minified: build only, so the
  // dev server shows the source as written. Whitespace collapses to one space, never to none: a
  // space between an expression and a tag is a word break ("Gift Card £25", not "Gift Card£25"),
  // which the minifier cannot tell from indentation (+0.02 KB in the first paint, +0.18 KB in all).
  plugins: [
    referenceStore(),
    keepSideEffects(),
    integrity.plugin,
    { ...minifyTemplateLiterals({ options: { minifyOptions: { conservativeCollapse: true } } }), apply: 'build' },
    terserPass(),
  ],
  server: { host: '127.0.0.1', port: 5173, open: !process.env.CI && !process.env.TOTE_NO_OPEN },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',

    manifest: 'manifest.json',
    // Maps beside the files for whoever debugs the drop-in, without the comment that points at
    // them in every file shoppers download.
    sourcemap: 'hidden',
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
      // what merchants' shoppers download, so it is minified here (and by terserPass()).
      output: {
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Few files, not a handful of shared fragments (each one a request and gzip's start-up cost).
        codeSplitting: {
          groups: [
            // Rolldown's helper for module namespaces, which the lazy files share. Meant for the
            // shop's file, but Rolldown still writes it to a file of its own (163 B) that each lazy
            // file imports: one more request on the first open, left for issue 21.
            { name: 'tote-shop', test: /rolldown(:|[\\/])runtime/, debugName: 'runtime' },
            { name: only('tote-core'), debugName: 'core' },
            { name: only('tote-shop'), debugName: 'shop' },
            { name: chunkOf, debugName: 'account-and-reviews' },
          ],
        },
      },
    },
  },
});
