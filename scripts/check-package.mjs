// `npm run build`, last step: is dist/ the package package.json promises? Static checks, ~3 s:
//  1. every "exports" entry resolves, through Node (self-reference by the package's name) and
//     through TypeScript's `types` condition, to a file the build produced;
//  2. the class entry (dist/index.js) registers no tag: no module in its import graph calls
//     customElements.define / defineElement / lazyDefine at its top level (or in its no-DOM guard), and every relative
//     import in it names an existing file (bundlers and browsers want the `.js`);
//  3. `tote-storefront/define` registers every tag of custom-elements.json (at once or lazily);
//  4. the JSX typings (dist/jsx/elements.d.ts) list every attribute and event of the manifest;
//  5. test/package/consumer.tsx — an app using `tote-storefront`, `tote-storefront/define`, and the
//     typings of `tote-storefront/react`, `/vue` and `/svelte` — type-checks against dist/;
//  6. every JavaScript entry imports in plain Node, without a DOM (a server rendering the page),
//     and defines nothing there.
// Exits 1 with a list of problems.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const problems = new Set();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'));
const elements = manifest.modules
  .flatMap((mod) => mod.declarations ?? [])
  .filter((decl) => decl.customElement && decl.tagName);

// 1. The exports map.
const compilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
};
const importer = join(root, 'package-check.ts'); // a file inside the package: imports of `tote-storefront` are self-references
for (const [subpath, target] of Object.entries(pkg.exports)) {
  const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
  const targets = typeof target === 'string' ? { default: target } : target;
  for (const file of Object.values(targets))
    if (!existsSync(join(root, file))) problems.add(`exports["${subpath}"]: ${file} was not built`);
  try {
    const resolved = fileURLToPath(import.meta.resolve(specifier));
    if (!existsSync(resolved))
      problems.add(`${specifier} resolves to ${relative(root, resolved)}, which does not exist`);
  } catch (error) {
    problems.add(`${specifier} does not resolve in Node: ${error.message}`);
  }
  if (targets.types) {
    const { resolvedModule } = ts.resolveModuleName(specifier, importer, compilerOptions, ts.sys);
    const want = join(root, targets.types);
    if (resolvedModule?.resolvedFileName !== want)
      problems.add(
        `${specifier}: TypeScript resolves ${resolvedModule?.resolvedFileName ?? 'nothing'}, not ${targets.types}`,
      );
  }
}

// 2 and 3. Module graphs.
const IMPORT =
  /(?:^|[;\s])(?:import|export)\s*(?:[^'"();]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const REGISTERS = /^ {0,4}(?:customElements\.define|defineElement|lazyDefine)\(\s*(?:\{([^}]*)\}|['"]([^'"]+)['"])?/gm;

/** Every dist module reachable from `entry` (static and dynamic imports), with the tags each registers. */
function graph(entry) {
  const seen = new Map();
  const visit = (file) => {
    if (seen.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const tags = [...source.matchAll(REGISTERS)].flatMap(([call, lazy, tag]) =>
      tag ? [tag] : lazy ? [...lazy.matchAll(/['"](tote-[a-z-]+)['"]\s*:/g)].map((match) => match[1]) : [call],
    );
    seen.set(file, tags);
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (!specifier.startsWith('.')) continue; // lit, @lit/*, idb-keyval, nanoid: the app's bundler resolves them
      let target = join(dirname(file), specifier);
      if (!existsSync(target) || !/\.js$/.test(target)) {
        problems.add(
          `${relative(root, file)} imports "${specifier}": not a file in dist (write the .js extension in the source)`,
        );
        if (!existsSync(`${target}.js`)) continue;
        target = `${target}.js`; // follow it anyway, to check the rest of the graph
      }
      visit(target);
    }
  };
  visit(join(root, entry));
  return seen;
}

const classEntry = graph('dist/index.js');
for (const [file, tags] of classEntry) {
  if (tags.length)
    problems.add(`the class entry registers tags: ${relative(root, file)} calls ${tags.join(', ')} at its top level`);
}
const defineEntry = graph('dist/define.js');
const registered = new Set([...defineEntry.values()].flat());
for (const { tagName } of elements)
  if (!registered.has(tagName)) problems.add(`tote-storefront/define does not register <${tagName}>`);

// 4. The JSX typings against the manifest.
const typings = ts.createSourceFile(
  'elements.d.ts',
  readFileSync(join(root, 'dist/jsx/elements.d.ts'), 'utf8'),
  ts.ScriptTarget.Latest,
);
const declarations = new Map();
typings.forEachChild((node) => {
  if (ts.isInterfaceDeclaration(node)) declarations.set(node.name.text, node);
});
/** An interface's members, with those of the interfaces it extends (`ToteCommonAttributes`). */
const membersOf = (node) => [
  ...node.members,
  ...(node.heritageClauses ?? [])
    .flatMap((clause) => clause.types)
    .flatMap((type) => {
      const base = declarations.get(type.expression.getText(typings));
      return base ? membersOf(base) : [];
    }),
];
const interfaces = new Map([...declarations].map(([name, node]) => [name, membersOf(node)]));
const memberName = (member) =>
  member.name && (ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : undefined);
const literals = (type) =>
  (type && ts.isUnionTypeNode(type) ? type.types : [type]).flatMap((part) =>
    part && ts.isLiteralTypeNode(part) && ts.isStringLiteral(part.literal) ? [part.literal.text] : [],
  );
const tagMember = (name, tag) => (interfaces.get(name) ?? []).find((member) => memberName(member) === tag);
const eventNames = new Set(
  (
    ts
      .createSourceFile(
        'events.d.ts',
        readFileSync(join(root, 'dist/events/index.d.ts'), 'utf8'),
        ts.ScriptTarget.Latest,
      )
      .statements.find((node) => ts.isInterfaceDeclaration(node) && node.name.text === 'ToteEventMap')?.members ?? []
  ).map(memberName),
);
for (const element of elements) {
  const tag = element.tagName;
  const attributesType = tagMember('ToteElementAttributes', tag)?.type;
  const attributeInterface =
    attributesType && ts.isTypeReferenceNode(attributesType) ? attributesType.typeName.getText(typings) : undefined;
  const typed = new Set((interfaces.get(attributeInterface) ?? []).map(memberName));
  if (!attributeInterface) problems.add(`src/jsx/elements.ts: <${tag}> is missing from ToteElementAttributes`);
  for (const { name } of element.attributes ?? [])
    if (!typed.has(name)) problems.add(`src/jsx/elements.ts: attribute "${name}" of <${tag}> is not typed`);
  const eventsType = tagMember('ToteElementEvents', tag)?.type;
  const heard = eventsType && ts.isTypeReferenceNode(eventsType) ? eventNames : new Set(literals(eventsType));
  for (const { name } of element.events ?? []) {
    if (!eventNames.has(name))
      problems.add(`src/events/index.ts: event "${name}" of <${tag}> is missing from ToteEventMap`);
    if (!heard.has(name))
      problems.add(`src/jsx/elements.ts: event "${name}" of <${tag}> is missing from ToteElementEvents`);
  }
}

// 5. An app's code against the built types.
try {
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'test/package/tsconfig.json')], {
    cwd: root,
    encoding: 'utf8',
    stdio: 'pipe',
  });
} catch (error) {
  problems.add(`test/package/consumer.tsx does not type-check against dist/:\n${error.stdout || error.message}`);
}

// 6. Every JavaScript entry on a server: it imports, and defines no tag there. Not `./tote.js`: it
// is the page's <script> (one browser bundle, Lit's browser build inside), never imported by an app.
for (const [subpath, target] of Object.entries(pkg.exports)) {
  const file = typeof target === 'string' ? target : target.default;
  if (!file.endsWith('.js') || subpath === './tote.js') continue;
  try {
    await import(join(root, file));
  } catch (error) {
    problems.add(`${subpath} does not import without a DOM: ${error.message}`);
  }
}
const definedOnServer = globalThis.customElements && elements.filter((el) => customElements.get(el.tagName));
if (definedOnServer?.length)
  problems.add(
    `imported without a DOM, the entries defined ${definedOnServer.map((el) => `<${el.tagName}>`).join(', ')}`,
  );

if (problems.size) {
  console.error(
    `Package check: ${problems.size} problem${problems.size === 1 ? '' : 's'}:\n${[...problems].map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(
  `Package check: ${Object.keys(pkg.exports).length} exports resolve; the class entry (${classEntry.size} modules) registers no tag; ` +
    `tote-storefront/define registers all ${elements.length}; typings match the manifest; an app type-checks against dist/; ` +
    'every entry imports without a DOM.',
);
