// HTTP plumbing shared by every part of the store: the error envelope, CORS, request ids, body
// reading with the 16 KB cap, the origin used to build absolute URLs, and answers compressed and
// revalidated as a real API's are.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { brotliCompress, constants, gzip } from 'node:zlib';

export const MAX_BODY_BYTES = 16 * 1024;

export interface FieldIssue {
  field: string;
  message: string;
  /**
   * A machine-readable cause beside the sentence, where a client must tell refusals of one field
   * apart (a login code: `wrong`, `expired`, `locked`). An extra of the contract's envelope.
   */
  reason?: string;
  /** With `reason: "wrong"` (and `locked`, as 0): the tries the login code has left. */
  attemptsLeft?: number;
}

const CODE_FOR_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMITED',
};

/** Thrown anywhere below the router; becomes the contract's error envelope. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldIssue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    details?: FieldIssue[],
    headers: Record<string, string> = {},
    code?: string,
  ) {
    super(message);
    this.status = status;
    this.code = code ?? CODE_FOR_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
    this.details = details && details.length > 0 ? details : undefined;
    this.headers = headers;
  }

  get body(): { error: { code: string; message: string; details?: FieldIssue[] } } {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}

export const validationError = (details: FieldIssue[], message = 'The request is not valid.'): ApiError =>
  new ApiError(422, message, details);

// Everything the contract says a script must be able to read or send.
export const ALLOWED_HEADERS =
  'Authorization, Content-Type, X-Cart-Token, X-Request-Id, X-Customer-Token, X-Visitor-Id, Accept-Language';
/**
 * The "live-like CORS" allow-list: what the live API is known to admit (the official widget's
 * set). A preflight naming Authorization or X-Request-Id then fails, as it may against the live
 * API, so the widget's header fallback can be tested end to end.
 */
export const LIVE_LIKE_ALLOWED_HEADERS = 'Content-Type, X-Cart-Token, X-Customer-Token, X-Visitor-Id, Accept-Language';
export const EXPOSED_HEADERS = 'X-RateLimit-Limit, X-RateLimit-Remaining, Retry-After, X-Request-Id';
export const ALLOWED_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
export const PREFLIGHT_MAX_AGE = '600';

/** CORS for actual responses. Auth is a bearer header, never a cookie, so `*` is safe. */
export function setCorsHeaders(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

export function answerPreflight(res: ServerResponse, requestId: string, allowHeaders = ALLOWED_HEADERS): void {
  setCorsHeaders(res);
  res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
  res.setHeader('Access-Control-Allow-Headers', allowHeaders);
  res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
  res.setHeader('X-Request-Id', requestId);
  res.setHeader('Content-Length', '0');
  res.writeHead(204);
  res.end();
}

// Echo the client's id when it is well-formed; otherwise mint one so every log line has one.
const REQUEST_ID = /^[A-Za-z0-9_.:-]{8,128}$/;
export function requestIdOf(req: IncomingMessage): { id: string; given: boolean } {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && REQUEST_ID.test(given)) return { id: given, given: true };
  return { id: `req_${randomBytes(9).toString('base64url')}`, given: false };
}

export function randomId(prefix: string, bytes = 9): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/**
 * Scheme and host the client used. Image and payment-page URLs are built from it so they work
 * both on the standalone server and when the handler is mounted in another server (Vite, wtr).
 */
export function originOf(req: IncomingMessage): string {
  const host = req.headers.host;
  const safeHost = typeof host === 'string' && /^[A-Za-z0-9.\-:[\]]{1,255}$/.test(host) ? host : null;
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const scheme = encrypted ? 'https' : 'http';
  if (safeHost) return `${scheme}://${safeHost}`;
  const port = req.socket.localPort;
  return `${scheme}://127.0.0.1${port ? `:${port}` : ''}`;
}

/** Client IP as the rate limiter keys it; IPv4-mapped IPv6 folded so one client has one key. */
export function clientIp(req: IncomingMessage): string {
  const ip = req.socket.remoteAddress ?? 'unknown';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

/** Answers smaller than this go out as they are: compressing them saves nothing worth the time. */
const COMPRESS_FROM_BYTES = 1024;
/**
 * At most this many answers are being compressed at once; under a burst the rest go out as they
 * are. Compressing takes the CPU the store needs to take requests in on time, and its rate windows
 * count arrivals: a store slowed by its own compressor would refuse a client that kept its budget.
 */
const MAX_COMPRESSING = 4;
let compressing = 0;
/** The answers of one visitor (the token's cart, its orders, the account): never kept by a cache. */
const VISITORS = /^\/v3\/public\/[^/]+\/(cart|orders|customer)(\/|$)/;

/** `br` or `gzip` when the client takes it (brotli first, as browsers rank it), else nothing. */
function encodingFor(req: IncomingMessage | undefined): 'br' | 'gzip' | null {
  const weights = new Map<string, number>();
  for (const part of String(req?.headers['accept-encoding'] ?? '').split(',')) {
    const [name = '', ...params] = part.toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  return (weights.get('br') ?? 0) > 0 ? 'br' : (weights.get('gzip') ?? 0) > 0 ? 'gzip' : null;
}

/**
 * A JSON answer. Like a real API's: compressed by `Accept-Encoding` (brotli or gzip), and a shared
 * read (one without a token) carries an `ETag` and `Cache-Control: no-cache`, so a browser keeps it
 * and revalidates it (a `304` without a body while it is unchanged); anything of one visitor's
 * (cart, orders, account) and every error is `no-store`.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  rawBody?: string,
): void {
  const text = rawBody ?? JSON.stringify(body);
  const req = (res as ServerResponse & { req?: IncomingMessage }).req;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Vary', 'Accept-Encoding, Accept-Language');
  const path = (req?.url ?? '').split('?')[0]!;
  const shared = status === 200 && req?.method === 'GET' && path.startsWith('/v3/public/') && !VISITORS.test(path);
  if (shared) {
    const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    const asked = String(req.headers['if-none-match'] ?? '');
    if (asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      res.writeHead(304);
      res.end();
      return;
    }
  } else res.setHeader('Cache-Control', 'no-store');
  const send = (bytes: Buffer, encoding?: string) => {
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', String(bytes.length));
    res.writeHead(status);
    res.end(bytes);
  };
  const encoding =
    Buffer.byteLength(text) >= COMPRESS_FROM_BYTES && compressing < MAX_COMPRESSING ? encodingFor(req) : null;
  if (!encoding) return send(Buffer.from(text));
  // Off the event loop (zlib's thread pool), so that requests behind it are taken in on time.
  compressing++;
  const done = (error: Error | null, bytes: Buffer) => {
    compressing--;
    if (error) send(Buffer.from(text));
    else send(bytes, encoding);
  };
  if (encoding === 'br') brotliCompress(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }, done);
  else gzip(text, done);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.status, error.body, error.headers);
}

/**
 * Reads the request body as text, refusing more than 64 KB with 413. An oversized body is still
 * drained (up to a hard cap) before answering: replying while the client is mid-upload makes many
 * clients report a connection reset instead of the 413.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const hardCap = 8 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    if (Number.isFinite(declared) && declared > hardCap) {
      reject(new ApiError(413, `The request body is larger than ${limit} bytes.`));
      req.destroy();
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (size > hardCap) {
        reject(new ApiError(413, `The request body is larger than ${limit} bytes.`));
        req.destroy();
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new ApiError(413, `The request body is larger than ${limit} bytes.`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** Parses a JSON request body. Empty → undefined; malformed → 400; non-JSON media type → 415. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return undefined;
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (type !== '' && !type.startsWith('application/json') && !type.includes('+json')) {
    throw new ApiError(415, 'Send the body as JSON with Content-Type: application/json.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'parse error';
    throw new ApiError(400, `The request body is not valid JSON (${detail}).`);
  }
}

export type RejectionReason =
  | 'empty_cart'
  | 'price_changed'
  | 'insufficient_stock'
  | 'already_converted'
  | 'unavailable_item'
  | 'terms_required'
  | 'capture_failed';

export interface RejectionBody {
  rejection: RejectionReason;
  message: string;
  /** Reference-store extra on already_converted: the order the cart became. */
  orderId?: string;
  priceChanges?: { itemId: string; name: string; previousUnitPrice: number; currentUnitPrice: number }[];
  stockIssues?: { itemId: string; name: string; requested: number; available: number }[];
}

/** A checkout refusal: 409 with the contract's domain body instead of the error envelope. */
export class Rejection extends Error {
  readonly body: RejectionBody;
  constructor(body: RejectionBody) {
    super(body.message);
    this.body = body;
  }
}
