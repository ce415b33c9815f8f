// Reads the store's settings from environment variables (TOTE_*), refusing bad values with a
// message that names the variable and what it accepts.
import { parseFaults } from './faults.js';
import type { StartOptions } from './index.js';

function intFrom(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new Error(`${name} must be a whole number between ${min} and ${max}, got "${raw}".`);
  }
  return Number(raw);
}

export function optionsFromEnv(env: NodeJS.ProcessEnv): StartOptions {
  const options: StartOptions = { port: intFrom(env, 'TOTE_STORE_PORT', 0, 65535) ?? 8787 };
  const window = intFrom(env, 'TOTE_RATE_WINDOW_MS', 1, 86_400_000);
  if (window !== undefined) options.rateWindowMs = window;
  const seed = intFrom(env, 'TOTE_SEED', 0, 2 ** 32 - 1);
  if (seed !== undefined) options.seed = seed;
  const faults = env.TOTE_FAULTS;
  if (faults !== undefined && faults.trim() !== '') {
    parseFaults(faults); // throws with a message naming the bad fault
    options.faults = faults;
  }
  const control = env.TOTE_CONTROL;
  if (control !== undefined && control !== '') {
    if (!['1', '0', 'true', 'false'].includes(control))
      throw new Error(`TOTE_CONTROL must be 1 or 0, got "${control}".`);
    options.control = control === '1' || control === 'true';
  }
  return options;
}
