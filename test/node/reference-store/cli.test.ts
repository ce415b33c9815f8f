import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { optionsFromEnv } from '../../../demo/reference-store/env';

const cli = fileURLToPath(new URL('../../../demo/reference-store/cli.ts', import.meta.url));

function run(env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', cli], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('settings from the environment', () => {
  it('reads every TOTE_* variable', () => {
    assert.deepEqual(
      optionsFromEnv({
        TOTE_STORE_PORT: '0',
        TOTE_RATE_WINDOW_MS: '1000',
        TOTE_FAULTS: 'drop=0.5',
        TOTE_SEED: '3',
        TOTE_CONTROL: '1',
      }),
      {
        port: 0,
        rateWindowMs: 1000,
        faults: 'drop=0.5',
        seed: 3,
        control: true,
      },
    );
    assert.deepEqual(optionsFromEnv({}), { port: 8787 });
  });

  it('refuses bad values with a message naming the variable', () => {
    assert.throws(() => optionsFromEnv({ TOTE_STORE_PORT: 'eighty' }), /TOTE_STORE_PORT must be a whole number/);
    assert.throws(() => optionsFromEnv({ TOTE_STORE_PORT: '70000' }), /TOTE_STORE_PORT/);
    assert.throws(() => optionsFromEnv({ TOTE_RATE_WINDOW_MS: '0' }), /TOTE_RATE_WINDOW_MS/);
    assert.throws(() => optionsFromEnv({ TOTE_SEED: '-1' }), /TOTE_SEED/);
    assert.throws(() => optionsFromEnv({ TOTE_FAULTS: 'drop=7' }), /drop must be a probability/);
    assert.throws(() => optionsFromEnv({ TOTE_CONTROL: 'yes' }), /TOTE_CONTROL/);
  });
});

describe('npm run store (demo/reference-store/cli.ts)', { concurrency: true }, () => {
  it('prints its /v3 base URL on 127.0.0.1 and serves the API there', async () => {
    const child = run({
      TOTE_STORE_PORT: '0',
      TOTE_CONTROL: '1',
      TOTE_RATE_WINDOW_MS: '1000',
      TOTE_FAULTS: 'latency=1',
      TOTE_SEED: '9',
    });
    try {
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      const url = chunk.toString().trim();
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/v3$/);
      const store = await fetch(`${url}/public/pk_test_tote_demo`);
      assert.equal(store.status, 200);
      const control = (await (await fetch(url.replace(/\/v3$/, '/__control'))).json()).data;
      assert.deepEqual([control.rateWindowMs, control.faults, control.seed], [1000, 'latency=1-1', 9]);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('exits 1 with a clear message on a bad setting', async () => {
    const child = run({ TOTE_STORE_PORT: '0', TOTE_FAULTS: 'drop=7' });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 1);
    assert.match(stderr, /tote store: TOTE_FAULTS: drop must be a probability/);
  });
});
