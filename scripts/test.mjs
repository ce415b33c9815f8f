// `npm test`: every test of the project, then one plain closing line "N passed, N failed".
//   node scripts/test.mjs              Node tests (test/node), browser tests (everything else) and
//                                      the Lit dev-mode run (web-test-runner.dev-mode.config.mjs:
//                                      the component tests again, failing on any Lit warning)
//   node scripts/test.mjs --node       only the Node tests
//   node scripts/test.mjs --browser    only the browser tests, dev-mode run included
//   node scripts/test.mjs --dev-mode   only the Lit dev-mode run
//   node scripts/test.mjs test/x.test.ts …   only these files (routed by folder: test/node to Node,
//                                      test/dev-mode to the dev-mode run, the rest to the browser)
//   node scripts/test.mjs --dev-mode test/components/x.test.ts …   these files in the dev-mode run
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { findChromium } from './chromium.mjs';

const args = process.argv.slice(2);
const files = args.filter((arg) => !arg.startsWith('--'));
const onlyNode = args.includes('--node');
const onlyBrowser = args.includes('--browser');
const onlyDevMode = args.includes('--dev-mode');
const isNodeTest = (file) => relative('.', file).startsWith(join('test', 'node') + sep);
const isDevModeTest = (file) => relative('.', file).startsWith(join('test', 'dev-mode') + sep);

function listTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((entry) => join(dir, String(entry)))
    .filter((file) => /\.test\.tsx?$/.test(file))
    .sort();
}

function run(command, commandArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8').trim().split('\n').pop());
  } catch {
    return null; // the runner died before reporting: treated as a failure below
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'tote-test-'));
const results = [];

const nodeFiles = onlyDevMode
  ? []
  : files.length
    ? files.filter(isNodeTest)
    : onlyBrowser
      ? []
      : listTests(join('test', 'node'));
if (nodeFiles.length) {
  const countsFile = join(workDir, 'node.json');
  const code = await run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-count-reporter.mjs',
    `--test-reporter-destination=${countsFile}`,
    ...nodeFiles,
  ]);
  results.push({ name: 'Node', code, counts: readCounts(countsFile) });
}

/** One web-test-runner run; `files` empty: the config's own list. */
async function runBrowser(name, config, files) {
  const countsFile = join(workDir, `${name.replace(/\W+/g, '-')}.json`);
  const wtr = join('node_modules', '@web', 'test-runner', 'dist', 'bin.js');
  const code = await run(
    process.execPath,
    ['--import', 'tsx', wtr, '--config', config, ...(files.length ? ['--files', ...files] : [])],
    { TOTE_COUNTS_FILE: countsFile },
  );
  results.push({ name, code, counts: readCounts(countsFile) });
}

// With --dev-mode, every browser file named goes to the dev-mode run; else only test/dev-mode's.
const browserFiles = onlyDevMode ? [] : files.filter((file) => !isNodeTest(file) && !isDevModeTest(file));
const devModeFiles = files.filter((file) => !isNodeTest(file) && (onlyDevMode || isDevModeTest(file)));
const runMain = files.length ? browserFiles.length > 0 : !onlyNode && !onlyDevMode;
const runDevMode = files.length ? devModeFiles.length > 0 : !onlyNode;
if (runMain || runDevMode) {
  try {
    findChromium();
  } catch (error) {
    console.error(String(error.message));
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
}
if (runMain) await runBrowser('Browser', 'web-test-runner.config.mjs', browserFiles);
if (runDevMode) await runBrowser('Browser (Lit dev mode)', 'web-test-runner.dev-mode.config.mjs', devModeFiles);

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('');
for (const { name, code, counts } of results) {
  const c = counts ?? { passed: 0, failed: 1, skipped: 0 };
  // A runner that exits non-zero with no failed test still failed (a crash, a load error).
  if (code !== 0 && c.failed === 0) c.failed = 1;
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
  console.log(`${name} tests: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (exit ${code})`);
}
if (results.length === 0) {
  console.log('No test files matched.');
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
