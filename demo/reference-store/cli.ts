// `npm run store`: the reference store on its own, on 127.0.0.1. Settings come from the
// environment (see env.ts); a bad one stops the start with a message (exit code 1).
import { optionsFromEnv } from './env.js';
import { startReferenceStore, type RunningStore, type StartOptions } from './index.js';

function fail(message: string): never {
  console.error(`tote store: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = optionsFromEnv(process.env);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  let running: RunningStore;
  try {
    running = await startReferenceStore(options);
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      fail(`port ${options.port} is already in use; set TOTE_STORE_PORT (0 = any free port).`);
    }
    fail(error instanceof Error ? error.message : String(error));
  }
  console.log(running.url);
  console.error(
    `tote store: pk_test_tote_demo (USD), pk_test_tote_pl (PLN) and pk_Xq3vT9mLr2WbN8cYhK4dE (GBP, live-like) at ${running.url}/public/{key}` +
      `; rate window ${options.rateWindowMs ?? 60_000} ms; faults ${options.faults ?? 'off'}` +
      `; control ${options.control ? `on (${running.url.replace(/\/v3$/, '')}/__control)` : 'off'}. Ctrl+C stops.`,
  );
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
