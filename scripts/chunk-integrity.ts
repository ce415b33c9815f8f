// Integrity for the drop-in's lazy files (issue 19): a `tote.js` pinned with `integrity` verifies
// every file it loads after itself. Two halves, both for the drop-in build only (Vite's lib mode):
//  - `transform`: every `import('…')` in src/ becomes
//    `verifiedImport(() => import('…'), TOTE_FILES_<module>)` (src/dom/verified-import.ts);
//  - `definesFor`, called by the last minifying pass on the finished files: the values of those
//    names, the file each import fetches ('' when it is loaded already), and in the entry
//    `TOTE_INTEGRITY`, each lazy file's SHA-256 and the lazy files it imports. Terser
//    puts them in as it minifies, so the source maps stay true, and the lazy files are finished
//    before the entry that hashes them.
import { createHash } from 'node:crypto';
import { relative, resolve } from 'node:path';
import MagicString from 'magic-string';
import type { Plugin, Rolldown } from 'vite';

const HELPER = resolve(import.meta.dirname, '../src/dom/verified-import.ts');
const FILES = /\bTOTE_FILES_\w+/g;

/** An ESTree node as Rolldown's parser gives it, read only as far as this needs. */
interface Node {
  type: string;
  start: number;
  end: number;
  source?: Node & { value?: unknown };
  [key: string]: unknown;
}

function* importExpressions(node: unknown): Generator<Node> {
  if (Array.isArray(node)) for (const child of node) yield* importExpressions(child);
  else if (node && typeof node === 'object') {
    const current = node as Node;
    if (current.type === 'ImportExpression') yield current;
    for (const [key, value] of Object.entries(current)) if (key !== 'type') yield* importExpressions(value);
  }
}

export function chunkIntegrity(root: string) {
  const names = new Map<string, string>(); // TOTE_FILES_… → module id
  let dropIn = false;

  const plugin: Plugin = {
    name: 'tote-chunk-integrity',
    apply: 'build',
    configResolved(config) {
      dropIn = !!config.build.lib;
    },
    async transform(code, id) {
      if (!dropIn || !id.startsWith(resolve(root, 'src')) || id === HELPER || !code.includes('import(')) return null;
      const edit = new MagicString(code);
      let calls = 0;
      for (const call of importExpressions(this.parse(code))) {
        const specifier = call.source?.value;
        if (typeof specifier !== 'string') this.error(`${id}: an import() of a computed name cannot be verified`);
        const target = await this.resolve(specifier, id);
        if (!target) this.error(`${id}: cannot resolve import('${specifier}')`);
        const name = `TOTE_FILES_${relative(root, target.id).replace(/[^A-Za-z0-9]/g, '_')}`;
        names.set(name, target.id);
        edit.appendLeft(call.start, '__toteVerified(() => ');
        edit.appendRight(call.end, `, ${name})`);
        calls++;
      }
      if (!calls) return null;
      edit.prepend(`import { verifiedImport as __toteVerified } from ${JSON.stringify(HELPER)};\n`);
      return { code: edit.toString(), map: edit.generateMap({ hires: true, source: id }) };
    },
  };

  const hashes = new Map<string, string>(); // lazy file → sha256-…, as each is finished

  /** Terser's `global_defs` for `file`; call with the lazy files first and the entries last. */
  function definesFor(file: Rolldown.OutputChunk, bundle: Rolldown.OutputBundle): Record<string, unknown> {
    const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
    const staticClosure = (chunk: Rolldown.OutputChunk, into = new Set<string>()): Set<string> => {
      if (into.has(chunk.fileName)) return into;
      into.add(chunk.fileName);
      for (const name of chunk.imports) {
        const next = chunks.find((c) => c.fileName === name);
        if (next) staticClosure(next, into);
      }
      return into;
    };
    const loaded = staticClosure(file);
    const lazy = (name: string) => !loaded.has(name) && !chunks.find((c) => c.fileName === name)?.isEntry;
    const defines: Record<string, unknown> = {};
    for (const name of new Set(file.code.match(FILES))) {
      const id = names.get(name);
      const target = id && chunks.find((c) => c.moduleIds.includes(id));
      if (!target) throw new Error(`${file.fileName}: ${name} names no module of the bundle`);
      defines[name] = lazy(target.fileName) ? target.fileName : '';
    }
    if (file.isEntry) {
      // A file the entry imports statically loads with it, before any check could run.
      if (file.imports.length)
        throw new Error(`${file.fileName} imports ${file.imports.join(', ')} statically: not verifiable`);
      // "sha256-… then the lazy files it imports": one string per file, the fewest bytes.
      const table: Record<string, string> = {};
      for (const chunk of chunks.filter((c) => !c.isEntry).sort((a, b) => (a.fileName < b.fileName ? -1 : 1))) {
        const hash = hashes.get(chunk.fileName);
        if (!hash) throw new Error(`${chunk.fileName} was not finished before the entry that verifies it`);
        const imports = [...staticClosure(chunk)].filter((name) => name !== chunk.fileName && lazy(name));
        table[chunk.fileName] = [hash, ...imports].join(' ');
      }
      defines.TOTE_INTEGRITY = table;
    }
    return defines;
  }

  /** Records a lazy file's finished bytes. */
  function finished(file: Rolldown.OutputChunk): void {
    if (!file.isEntry) hashes.set(file.fileName, `sha256-${createHash('sha256').update(file.code).digest('base64')}`);
  }

  return { plugin, definesFor, finished };
}
