// A web-test-runner plugin: serves the Custom Elements Manifest as the package ships it, made from
// the sources when first asked for (`cem analyze` as the build runs it, then
// scripts/manifest-finish.mjs; about 3 s), at /__tote/custom-elements.json. The manifest's tests (test/a11y/sweep.test.ts for the rendered
// parts, test/components/manifest.test.ts) compare it with what the elements really have, without
// needing a build first.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArgs, finishManifest } from './manifest-finish.mjs';

const PATH = '/__tote/custom-elements.json';
const OUT = join('node_modules', '.cache', 'tote-manifest'); // cem wants a folder relative to here

function analyze() {
  const cem = join('node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
  execFileSync(process.execPath, [cem, ...analyzeArgs(OUT)], { stdio: 'inherit' });
  return JSON.stringify(finishManifest(JSON.parse(readFileSync(join(OUT, 'custom-elements.json'), 'utf8'))));
}

export function manifestPlugin() {
  let body;
  return {
    name: 'tote-manifest',
    serve(context) {
      if (context.path !== PATH) return undefined;
      body ??= analyze();
      return { body, type: 'json' };
    },
  };
}
