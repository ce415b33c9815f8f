// The Lit dev-mode run: the component tests again, with Lit's development build (the "development"
// export condition), and any warning Lit issues fails the test during which it was issued. Lit's
// own "Lit is in dev mode" notice is the one warning let through. `npm test` runs it after the
// main browser run (scripts/test.mjs); alone: `node scripts/test.mjs --dev-mode [files]`.
//
// Every test file served here gets one import put in front, on its first line (line numbers stay):
// test/dev-mode/lit-warnings.ts, which has to load before Lit to silence that notice, and which
// fails the test (see there). test/dev-mode/lit-warnings.test.ts checks the guard itself.
import base from './web-test-runner.config.mjs';

export const DEV_MODE_FILES = ['test/components/**/*.test.{ts,tsx}', 'test/dev-mode/**/*.test.{ts,tsx}'];
const GUARD = '/test/dev-mode/lit-warnings.ts';

/** Puts `import GUARD;` in front of every test file's code. */
function litWarningsGuard() {
  return {
    name: 'tote-lit-warnings-guard',
    transform(context) {
      if (!/^\/test\/.*\.test\.tsx?$/.test(context.path) || typeof context.body !== 'string') return undefined;
      return { body: `import '${GUARD}'; ${context.body}` };
    },
  };
}

export default {
  ...base,
  files: DEV_MODE_FILES,
  // `browser` still: nanoid's browser build (see web-test-runner.config.mjs).
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [...base.plugins, litWarningsGuard()],
};
