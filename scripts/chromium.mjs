// Finds the Chromium that browser tests, screenshots and benchmarks drive.
// Order: $CHROME_PATH, then Debian's /usr/bin/chromium. Test tools' own browser downloads do not
// work on our machines (no internet but the package registries), so we never fall back to them.
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const tried = candidates.join(', ');
  throw new Error(
    `Chromium not found (tried ${tried}).\n` +
      "Install Debian's Chromium:  sudo apt-get update && sudo apt-get install -y chromium\n" +
      'or point CHROME_PATH at a Chromium/Chrome binary:  CHROME_PATH=/path/to/chrome npm test',
  );
}
