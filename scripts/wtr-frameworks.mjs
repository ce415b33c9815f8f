// A web-test-runner plugin for the framework recipes' tests (test/frameworks/):
//  - serves `react`, `react/jsx-runtime`, `react-dom`, `react-dom/client` and `vue` the way Vite's
//    dependency optimiser does for an app: bundled to ES modules by esbuild, once per run, with
//    `process.env.NODE_ENV` replaced. React ships only CommonJS, which the dev server cannot
//    serve; Vue's ESM build reads `process.env` too. `vue` is Vue's full build, which compiles the
//    recipe's string templates in the browser. Development builds by default: their warnings
//    (an unresolved component, a bad prop) are what the recipes' tests look for.
//  - lets a test import a `.tsx` module by its `.js` name, as TypeScript wants it written (the
//    esbuild plugin does that only for `.ts`).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const PREFIX = '/__frameworks/';
/** Bare import → the module that is bundled for it (CommonJS ones get named exports below). */
const COMMONJS = ['react', 'react/jsx-runtime', 'react-dom', 'react-dom/client'];
const ESM = { vue: 'vue/dist/vue.esm-bundler.js' };
const fileName = (specifier) => `${specifier.replace(/[^a-z]+/g, '-')}.js`;

/** The export names of the CommonJS modules, read in a child process: loading React here would
 * run its module code inside the test runner (whose console it trips over). */
function commonJsExports(mode) {
  const script = `const r = require; console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(COMMONJS)}.map((s) => [s, Object.keys(r(s))]))))`;
  const output = execFileSync(process.execPath, ['-e', script], {
    env: { ...process.env, NODE_ENV: mode },
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

export function frameworksPlugin({ mode = 'development' } = {}) {
  let files;
  const bundle = () =>
    (files ??= (async () => {
      const entries = {};
      const exportNames = commonJsExports(mode);
      for (const specifier of COMMONJS) {
        // esbuild gives a CommonJS entry only a default export; name the others, as Vite does.
        const names = exportNames[specifier].filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
        entries[fileName(specifier)] =
          `import m from '${specifier}';\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`;
      }
      for (const [specifier, file] of Object.entries(ESM)) entries[fileName(specifier)] = `export * from '${file}';\n`;
      const outdir = join(process.cwd(), 'node_modules', '.frameworks');
      const result = await build({
        entryPoints: Object.keys(entries).map((name) => ({ in: `entry:${name}`, out: name.replace(/\.js$/, '') })),
        plugins: [
          {
            name: 'entries',
            setup(builder) {
              builder.onResolve({ filter: /^entry:/ }, (args) => ({
                path: args.path.slice('entry:'.length),
                namespace: 'entry',
              }));
              builder.onLoad({ filter: /.*/, namespace: 'entry' }, (args) => ({
                contents: entries[args.path],
                resolveDir: process.cwd(),
                loader: 'js',
              }));
            },
          },
        ],
        bundle: true,
        splitting: true, // one copy of React shared by react, react-dom and the JSX runtime
        format: 'esm',
        target: 'es2022',
        write: false,
        outdir,
        define: {
          'process.env.NODE_ENV': JSON.stringify(mode),
          __VUE_OPTIONS_API__: 'true',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        },
        logLevel: 'silent',
      });
      return new Map(result.outputFiles.map((file) => [PREFIX + relative(outdir, file.path), file.text]));
    })());

  return {
    name: 'tote-frameworks',
    resolveImport({ source, context }) {
      if (COMMONJS.includes(source) || source in ESM) return PREFIX + fileName(source);
      if (source.startsWith('.') && source.endsWith('.js') && /\.tsx?$/.test(context.path)) {
        const importer = join(process.cwd(), decodeURIComponent(context.path));
        const asTsx = join(dirname(importer), source.replace(/\.js$/, '.tsx'));
        if (!existsSync(join(dirname(importer), source)) && existsSync(asTsx)) return source.replace(/\.js$/, '.tsx');
      }
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const body = (await bundle()).get(context.path);
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
