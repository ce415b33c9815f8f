// A web-test-runner reporter that only counts: it writes {passed, failed, skipped} to the file named
// by $TOTE_COUNTS_FILE so scripts/test.mjs can print one plain "N passed, N failed" line for the
// whole suite (wtr's own summary carries a progress bar and escape codes).
import { writeFileSync } from 'node:fs';

function countSuite(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite?.suites ?? []) countSuite(child, counts);
}

export function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        countSuite(session.testResults, counts);
        // A file that failed to load or threw outside a test has errors but maybe no failed test.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
      }
      if (process.env.TOTE_COUNTS_FILE) writeFileSync(process.env.TOTE_COUNTS_FILE, JSON.stringify(counts));
    },
  };
}
