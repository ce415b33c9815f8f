// Field checks that collect every problem into `details` instead of stopping at the first one, so
// a client sees all of them at once. Unknown fields are ignored (forward compatibility); known
// fields with the wrong type are errors. Nothing here mutates state: handlers validate fully
// before they touch a cart, which is how a bad request never corrupts one.
import { ApiError, type FieldIssue } from './http.js';
import type { Address } from './types.js';

export type Issues = FieldIssue[];
type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON body as an object; an empty body counts as `{}`. */
export function objectBody(body: unknown): Obj {
  if (body === undefined) return {};
  if (!isObject(body))
    throw new ApiError(422, 'The request body must be a JSON object.', [
      { field: 'body', message: 'Expected a JSON object.' },
    ]);
  return body;
}

export function throwIfIssues(issues: Issues, message = 'The request is not valid.'): void {
  if (issues.length > 0) throw new ApiError(422, message, issues);
}

interface StringOpts {
  max: number;
  required?: boolean;
  nullable?: boolean;
  pattern?: RegExp;
  patternMessage?: string;
}

/** undefined = omitted, null = cleared (when allowed), otherwise a trimmed string. */
export function str(o: Obj, key: string, issues: Issues, opts: StringOpts, field = key): string | null | undefined {
  const value = o[key];
  if (value === undefined) {
    if (opts.required) issues.push({ field, message: 'This field is required.' });
    return undefined;
  }
  if (value === null) {
    if (opts.nullable && !opts.required) return null;
    issues.push({ field, message: opts.required ? 'This field is required.' : 'Must be a string.' });
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.push({ field, message: opts.nullable ? 'Must be a string or null.' : 'Must be a string.' });
    return undefined;
  }
  const trimmed = value.trim();
  if (opts.required && trimmed === '') {
    issues.push({ field, message: 'This field is required.' });
    return undefined;
  }
  if (trimmed.length > opts.max) {
    issues.push({ field, message: `Must be at most ${opts.max} characters.` });
    return undefined;
  }
  if (opts.pattern && trimmed !== '' && !opts.pattern.test(trimmed)) {
    issues.push({ field, message: opts.patternMessage ?? 'Has the wrong format.' });
    return undefined;
  }
  if (trimmed === '' && opts.nullable) return null;
  return trimmed;
}

interface IntOpts {
  min: number;
  max: number;
  required?: boolean;
  nullable?: boolean;
}

export function int(o: Obj, key: string, issues: Issues, opts: IntOpts, field = key): number | null | undefined {
  const value = o[key];
  if (value === undefined) {
    if (opts.required) issues.push({ field, message: 'This field is required.' });
    return undefined;
  }
  if (value === null && opts.nullable) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.push({ field, message: 'Must be a whole number.' });
    return undefined;
  }
  if (value < opts.min || value > opts.max) {
    issues.push({ field, message: `Must be between ${opts.min} and ${opts.max}.` });
    return undefined;
  }
  return value;
}

export function bool(o: Obj, key: string, issues: Issues, field = key): boolean | undefined {
  const value = o[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') {
    issues.push({ field, message: 'Must be true or false.' });
    return undefined;
  }
  return value;
}

// Pragmatic, not RFC 5322: one @, something on both sides, a dot in the domain, no spaces.
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const ADDRESS_FIELDS = [
  'name',
  'company',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'countryCode',
  'phone',
] as const;

/**
 * An address patch: every field optional and nullable. Omitted fields keep their `previous` value
 * (so the client can send a field as the shopper types it), null or "" clears one. countryCode is
 * ISO 3166-1 alpha-2, stored upper-case.
 */
export function address(
  o: Obj,
  key: string,
  issues: Issues,
  previous: Address | null = null,
): Address | null | undefined {
  const value = o[key];
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (!isObject(value)) {
    issues.push({ field: key, message: 'Must be an address object or null.' });
    return undefined;
  }
  const before = issues.length;
  const result: Address = previous
    ? { ...previous }
    : {
        name: null,
        company: null,
        line1: null,
        line2: null,
        city: null,
        region: null,
        postalCode: null,
        countryCode: null,
        phone: null,
      };
  for (const name of ADDRESS_FIELDS) {
    if (value[name] === undefined) continue;
    const field = `${key}.${name}`;
    if (name === 'countryCode') {
      const code = str(
        value,
        name,
        issues,
        {
          max: 2,
          nullable: true,
          pattern: /^[A-Za-z]{2}$/,
          patternMessage: 'Must be a two-letter country code.',
        },
        field,
      );
      result.countryCode = code ? code.toUpperCase() : null;
    } else {
      result[name] = str(value, name, issues, { max: 200, nullable: true }, field) ?? null;
    }
  }
  return issues.length === before ? result : undefined;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An absolute URL a payment may return the shopper to: `https:`, or `http:` on a loopback host
 * (development only). A gateway would refuse anything else; so does the reference store.
 */
export function returnUrl(o: Obj, key: string, issues: Issues, required: boolean): string | undefined {
  const value = str(o, key, issues, { max: 2048, required });
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return url.href;
    if (url.protocol === 'http:' && (LOCAL_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost')))
      return url.href;
  } catch {
    // fall through to the issue below
  }
  issues.push({ field: key, message: 'Must be an absolute https URL (http is accepted for localhost only).' });
  return undefined;
}
