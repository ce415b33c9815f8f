// Switchable faults for resilience testing, reproducible from a seed: the same TOTE_FAULTS and
// TOTE_SEED give the same sequence of outcomes for the same sequence of API requests, because every
// request consumes exactly the same number of random draws whatever is configured.
import { mulberry32, type Rng } from './rng.js';

export interface FaultConfig {
  /** Added delay range in ms, or null. */
  latency: [number, number] | null;
  /** Answer 500/502/503 without doing the work. */
  error5xx: number;
  /** Destroy the connection without doing the work. */
  drop: number;
  /** Do the work, then send a truncated JSON body. */
  malformed: number;
  /** Do the work, then destroy the connection (the client never learns it succeeded). */
  lost: number;
  /** Do the work, then answer with only the contract's required fields (see sparse.ts). */
  sparse: number;
}

export interface FaultPlan {
  delayMs: number;
  drop: boolean;
  errorStatus: number | null;
  malformed: boolean;
  lost: boolean;
  sparse: boolean;
}

export const NO_FAULTS: FaultConfig = { latency: null, error5xx: 0, drop: 0, malformed: 0, lost: 0, sparse: 0 };
const RATES = ['error5xx', 'drop', 'malformed', 'lost', 'sparse'] as const;

/** Parses `latency=50-300,error5xx=0.1,drop=0.05,malformed=0.02,lost=0.05,sparse=1`; throws with a clear message. */
export function parseFaults(text: string): FaultConfig {
  const config: FaultConfig = { ...NO_FAULTS };
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'none' || trimmed === 'off') return config;
  for (const part of trimmed.split(',')) {
    const [rawKey, rawValue, ...extra] = part.split('=');
    const key = rawKey?.trim() ?? '';
    const value = rawValue?.trim() ?? '';
    if (extra.length > 0 || value === '') throw new Error(`TOTE_FAULTS: "${part.trim()}" should look like name=value.`);
    if (key === 'latency') {
      const match = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(value);
      if (!match)
        throw new Error(`TOTE_FAULTS: latency must be milliseconds "N" or a range "MIN-MAX", got "${value}".`);
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : Number(match[2]);
      if (max < min) throw new Error(`TOTE_FAULTS: latency range ${value} has MAX below MIN.`);
      config.latency = [min, max];
    } else if ((RATES as readonly string[]).includes(key)) {
      const rate = Number(value);
      if (!/^\d*\.?\d+$/.test(value) || !(rate >= 0 && rate <= 1)) {
        throw new Error(`TOTE_FAULTS: ${key} must be a probability between 0 and 1, got "${value}".`);
      }
      config[key as (typeof RATES)[number]] = rate;
    } else {
      throw new Error(`TOTE_FAULTS: unknown fault "${key}" (known: latency, ${RATES.join(', ')}).`);
    }
  }
  return config;
}

export function formatFaults(config: FaultConfig): string | null {
  const parts: string[] = [];
  if (config.latency) parts.push(`latency=${config.latency[0]}-${config.latency[1]}`);
  for (const key of RATES) if (config[key] > 0) parts.push(`${key}=${config[key]}`);
  return parts.length ? parts.join(',') : null;
}

export class Faults {
  private config: FaultConfig = NO_FAULTS;
  private rng: Rng;
  private seed: number;
  readonly injected = { latency: 0, error5xx: 0, drop: 0, malformed: 0, lost: 0, sparse: 0 };

  constructor(seed: number, config?: FaultConfig) {
    this.seed = seed;
    this.rng = mulberry32(seed);
    if (config) this.config = config;
  }

  get current(): FaultConfig {
    return this.config;
  }

  get currentSeed(): number {
    return this.seed;
  }

  /** New settings restart the random sequence, so a run is reproducible from the moment they apply. */
  configure(config: FaultConfig, seed = this.seed): void {
    this.config = config;
    this.seed = seed;
    this.rng = mulberry32(seed);
  }

  plan(): FaultPlan {
    const c = this.config;
    // Always seven draws, in this order, whatever is enabled.
    const [uDelay, uDrop, uError, uStatus, uMalformed, uLost, uSparse] = [
      this.rng(),
      this.rng(),
      this.rng(),
      this.rng(),
      this.rng(),
      this.rng(),
      this.rng(),
    ];
    const delayMs = c.latency ? Math.round(c.latency[0] + uDelay * (c.latency[1] - c.latency[0])) : 0;
    const drop = uDrop < c.drop;
    const errorStatus =
      !drop && uError < c.error5xx ? (([500, 502, 503] as const)[Math.floor(uStatus * 3)] ?? 500) : null;
    const lost = !drop && errorStatus === null && uLost < c.lost;
    const malformed = !drop && errorStatus === null && !lost && uMalformed < c.malformed;
    // Sparse combines with latency and malformed: it shapes the body, it does not replace the answer.
    const sparse = !drop && errorStatus === null && !lost && uSparse < c.sparse;
    if (delayMs > 0) this.injected.latency += 1;
    if (drop) this.injected.drop += 1;
    if (errorStatus !== null) this.injected.error5xx += 1;
    if (lost) this.injected.lost += 1;
    if (malformed) this.injected.malformed += 1;
    if (sparse) this.injected.sparse += 1;
    return { delayMs, drop, errorStatus, malformed, lost, sparse };
  }

  resetCounts(): void {
    for (const key of Object.keys(this.injected) as (keyof typeof this.injected)[]) this.injected[key] = 0;
  }
}

/** A JSON body cut off mid-way: valid UTF-8, invalid JSON, the shape a flaky proxy produces. */
export function corrupt(json: string): string {
  const cut = Math.max(1, Math.floor(json.length / 2));
  return `${json.slice(0, cut)}\u0000<!-- truncated`;
}
