// The house rules of src/, checked on every `npm test` (test/node/architecture.test.ts) and by
// `npm run check:architecture`. docs/architecture.md explains them:
//   - every module lives in a room; a room imports only rooms below it (never sideways, never up);
//     an element's folder imports only its own files, components/base and the rooms below;
//   - no import cycle, counting `import type` (a type-only cycle still couples two modules);
//   - no source file over 400 lines.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const MAX_LINES = 400;

/** Rooms from the bottom up: a module may import from its own room and from lower ranks. */
export const RANKS = {
  version: 0,
  api: 1,
  model: 2,
  i18n: 2,
  dom: 2,
  styles: 2,
  store: 3,
  context: 4,
  events: 4,
  controllers: 5,
  'components/base': 6,
  components: 7,
  embed: 8,
  jsx: 8,
  entry: 9,
};

/** The room of a module (path relative to src/, forward slashes). */
export function roomOf(path) {
  if (path === 'version.ts') return 'version';
  if (!path.includes('/')) return 'entry';
  const [first, second] = path.split('/');
  if (first === 'components') return second === 'base' ? 'components/base' : 'components';
  if (!(first in RANKS))
    throw new Error(
      `src/${path} lives outside every room (add the room to scripts/architecture.mjs and docs/architecture.md)`,
    );
  return first;
}

/** The element folder of a component module (`cart` for components/cart/cart.ts), else null. */
const elementOf = (path) => (roomOf(path) === 'components' ? path.split('/')[1] : null);

function listSources(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => file.split('\\').join('/'))
    .sort();
}

/** Every module of src/ with the src/ modules it imports (static, dynamic and type-only). */
export function importGraph(srcDir) {
  const graph = new Map();
  for (const file of listSources(srcDir)) {
    const text = readFileSync(join(srcDir, file), 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const targets = new Set();
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = relative(srcDir, resolve(dirname(join(srcDir, file)), fileName))
        .split('\\')
        .join('/')
        .replace(/\.js$/, '.ts');
      targets.add(target);
    }
    graph.set(file, { lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), imports: [...targets] });
  }
  return graph;
}

/** The import cycles of the graph (strongly connected components of more than one module, or a self-import). */
function cycles(graph) {
  let index = 0;
  const stack = [];
  const meta = new Map();
  const found = [];
  const visit = (node) => {
    meta.set(node, { index, low: index, onStack: true });
    index += 1;
    stack.push(node);
    for (const next of graph.get(node)?.imports ?? []) {
      if (!graph.has(next)) continue;
      if (!meta.has(next)) {
        visit(next);
        meta.get(node).low = Math.min(meta.get(node).low, meta.get(next).low);
      } else if (meta.get(next).onStack) meta.get(node).low = Math.min(meta.get(node).low, meta.get(next).index);
    }
    if (meta.get(node).low === meta.get(node).index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        meta.get(member).onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node).imports.includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!meta.has(node)) visit(node);
  return found;
}

/** Every broken house rule of src/, as sentences; empty when the house is in order. */
export function architectureProblems(srcDir = resolve(import.meta.dirname, '..', 'src')) {
  const graph = importGraph(srcDir);
  const problems = [];
  for (const [file, { lines, imports }] of graph) {
    if (lines > MAX_LINES) problems.push(`src/${file} has ${lines} lines (at most ${MAX_LINES}): split it by job`);
    const room = roomOf(file);
    for (const target of imports) {
      if (!graph.has(target)) {
        problems.push(`src/${file} imports src/${target}, which does not exist`);
        continue;
      }
      const targetRoom = roomOf(target);
      if (targetRoom === room) {
        const [from, to] = [elementOf(file), elementOf(target)];
        if (from !== to)
          problems.push(
            `src/${file} imports src/${target}: one element's folder reaches into another's (share it through components/base or a lower room)`,
          );
      } else if (RANKS[targetRoom] >= RANKS[room]) {
        const way = RANKS[targetRoom] > RANKS[room] ? 'up' : 'sideways';
        problems.push(`src/${file} (${room}) imports src/${target} (${targetRoom}): an arrow ${way}`);
      }
    }
  }
  for (const cycle of cycles(graph)) problems.push(`import cycle: ${cycle.map((file) => `src/${file}`).join(' ⇄ ')}`);
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const problems = architectureProblems();
  for (const problem of problems) console.error(problem);
  console.log(
    problems.length
      ? `${problems.length} problems`
      : 'architecture: every room imports only downward, no cycles, no file over 400 lines',
  );
  process.exitCode = problems.length ? 1 : 0;
}
