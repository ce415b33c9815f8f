// The drop-in's lazy files, verified before they run (issue 19). A merchant who pins `tote.js`
// with `integrity` pins only that file; the files it loads later are pinned by it: the build
// (scripts/chunk-integrity.ts) writes each lazy file's SHA-256 into `tote.js` and turns every
// `import('…')` of the drop-in into `verifiedImport(() => import('…'), 'its file')`.
//
// A `<link rel="modulepreload" integrity>` fetches a file into the page's module map only when its
// bytes match, and the `import()` that follows takes the module from that map; it runs only after
// the link has loaded, so no fetch without the check can win the race. A file that fails the check
// is never imported: the import rejects, as it would offline, and the console names the file.
// Only the drop-in build uses this module; the package's ESM files keep plain `import()` (the app's
// bundler and server own their integrity).

/**
 * Lazy file (relative to `tote.js`) → `sha256-…` and, after spaces, the lazy files it imports;
 * written by the build.
 */
declare const TOTE_INTEGRITY: Readonly<Record<string, string>>;
const integrity = TOTE_INTEGRITY; // read once: the build writes the table wherever the name stands

const checks = new Map<string, Promise<void>>();

function preload(file: string, hash: string): Promise<void> {
  let check = checks.get(file);
  if (!check) {
    check = new Promise<void>((resolve, reject) => {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.integrity = hash;
      link.href = new URL(file, import.meta.url).href;
      link.onload = () => resolve();
      link.onerror = () => {
        checks.delete(file); // a network failure may pass on a later try
        link.remove();
        reject(new Error(`Tote: ${link.href} failed to load or its integrity check`));
      };
      (document.head ?? document.documentElement).append(link);
    });
    checks.set(file, check);
  }
  return check;
}

/**
 * Runs `load` (an `import()` of `file`, '' when it is loaded already) once `file` and the files it
 * imports have loaded and passed their checks.
 */
export async function verifiedImport<T>(load: () => Promise<T>, file: string): Promise<T> {
  const files = file ? [file, ...(integrity[file] ?? '').split(' ').slice(1)] : [];
  try {
    await Promise.all(files.map((name) => preload(name, integrity[name]?.split(' ')[0] ?? '')));
  } catch (error) {
    console.error(error);
    throw error;
  }
  return load();
}
