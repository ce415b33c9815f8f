// A node:test reporter that counts leaf tests (not suites) and emits one JSON line at the end,
// for scripts/test.mjs to add to the browser counts.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    const isSuite = event.data?.details?.type === 'suite';
    if (event.type === 'test:pass' && !isSuite) {
      if (event.data.skip || event.data.todo) counts.skipped += 1;
      else counts.passed += 1;
    } else if (event.type === 'test:fail') {
      // A failing suite with no failing test inside means the file itself broke: count it once.
      if (!isSuite || event.data.details?.error?.failureType !== 'subtestsFailed') counts.failed += 1;
    }
  }
  yield JSON.stringify(counts) + '\n';
}
