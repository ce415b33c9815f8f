// The two bits of a loopback page server that `npm run bench` and `npm run check:drop-in` share:
// an uncached answer, and the built drop-in's files under /dist/.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css',
  '.html': 'text/html',
};

/** Answers with `body`, never cached (every run measures a cold load). */
export function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

/** Serves `path` (`/dist/…`) from dist/; false when it is not such a file. */
export function sendDistFile(res, path) {
  if (!path.startsWith('/dist/')) return false;
  const file = normalize(join('dist', path.slice('/dist/'.length)));
  if (!file.startsWith('dist') || !existsSync(file)) return false;
  send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  return true;
}
