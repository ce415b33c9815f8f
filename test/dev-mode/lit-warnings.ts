// The Lit dev-mode run (web-test-runner.dev-mode.config.mjs) loads this module first in every test
// file, before Lit: it silences Lit's own "dev-mode" notice and nothing else, and fails the test
// during which Lit issues any other warning ("change-in-update", "multiple-versions",
// "reactive-property-without-getter", an expression where lit-html cannot bind one…).
//
// A Lit warning is a console.warn called from Lit's own code (its dev builds in node_modules), or
// one that points at lit.dev/msg/. A warning the widget issues itself, even from inside a render,
// is not Lit's and passes through untouched. Lit issues each warning once per page, and every test
// file gets a page of its own: a warning fails the first test of a file in which it happens.

interface LitWarningsGuard {
  warnings: string[];
}

const LIT_CODE = /\/node_modules\/(?:lit|lit-html|lit-element|@lit\/[^/]+)\//;
const globals = globalThis as typeof globalThis & {
  litIssuedWarnings?: Set<string>;
  __toteLitWarnings?: LitWarningsGuard;
};

function install(): LitWarningsGuard {
  const guard: LitWarningsGuard = { warnings: [] };
  // Lit skips a warning whose code is in this set; it creates the set only if it is missing.
  (globals.litIssuedWarnings ??= new Set()).add('dev-mode');
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const text = args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' ');
    // Frame 0 is "Error", frame 1 this function, frame 2 whoever called console.warn.
    const caller = new Error().stack?.split('\n')[2] ?? '';
    if (LIT_CODE.test(caller) || text.includes('lit.dev/msg/')) guard.warnings.push(text);
    warn(...args);
  };
  return guard;
}

// Installed once per page, even if the module were loaded under two URLs.
const guard = (globals.__toteLitWarnings ??= install());

/** The Lit warnings recorded since the last call, taken off the record (for the guard's own test). */
export function takeLitWarnings(): string[] {
  return guard.warnings.splice(0);
}

function report(found: string[], when: string): Error {
  return new Error(
    `Lit issued ${found.length} dev-mode warning(s) ${when}:\n${found.map((w) => `  - ${w}`).join('\n')}`,
  );
}

// Root hooks (mocha is set up before the test file is imported). A failing afterEach hook would
// skip the rest of the file, so the test itself is marked failed, with the warnings as its error.
afterEach(function () {
  const found = takeLitWarnings();
  const test = this.currentTest;
  if (found.length === 0 || !test) return;
  const error = report(found, `during (or before) "${test.fullTitle()}"`);
  if (test.state === 'failed' && test.err) test.err.message += `\n\n${error.message}`;
  else Object.assign(test, { state: 'failed', err: error });
});

after(function () {
  const found = takeLitWarnings();
  if (found.length) throw report(found, 'after the last test');
});
