// The bits of a loopback page server that `npm run bench`, `check:drop-in` and `check:frameworks`
// share: an uncached answer, the built drop-in's files under /dist/, a built app's files.
import { existsSync, readFileSync, statSync } from 'node:fs';
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
  return path.startsWith('/dist/') && sendFileFrom(res, 'dist', path.slice('/dist'.length));
}

/** Serves the URL path `path` (`/assets/…`) from the folder `dir`; false when it names no file there. */
export function sendFileFrom(res, dir, path) {
  const file = normalize(join(dir, path));
  if (!file.startsWith(normalize(join(dir, '/'))) || !existsSync(file) || !statSync(file).isFile()) return false;
  send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  return true;
}
