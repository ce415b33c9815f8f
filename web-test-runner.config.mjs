// Browser tests: TypeScript through esbuild, run in Debian's headless Chromium via playwright-core.
// The reference store is mounted at /v3 on the same dev server, so tests talk to a real API.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_FLAGS, findChromium } from './scripts/chromium.mjs';
import { referenceStoreMiddleware } from './scripts/store-middleware.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { frameworksPlugin } from './scripts/wtr-frameworks.mjs';
import { manifestPlugin } from './scripts/wtr-manifest.mjs';
import { defaultReporter } from '@web/test-runner';

const executablePath = findChromium();

export default {
  // test/dev-mode: the Lit dev-mode run's own tests (web-test-runner.dev-mode.config.mjs).
  files: ['test/**/*.test.{ts,tsx}', '!test/node/**', '!test/dev-mode/**'],
  // Lit's production build here; the dev-mode run loads its development build, which warns.
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 1,
  testsFinishTimeout: 240_000,
  // tsx: the React recipe's test; JSX settings come from tsconfig.json ("jsx": "react-jsx").
  plugins: [
    esbuildPlugin({ ts: true, tsx: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    frameworksPlugin(),
    manifestPlugin(),
  ],
  middleware: [await referenceStoreMiddleware()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: CHROMIUM_FLAGS },
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
  reporters: [defaultReporter(), countingReporter()],
};
