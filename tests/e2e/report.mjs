// The e2e suites' report: one "ok"/"FAIL" line per check, the "N passed, M failed"
// summary that closes a run, and short renderings of what a failed check saw.

export function makeReport() {
  const counts = { passed: 0, failed: 0 };
  function check(name, ok, detail = '') {
    if (ok) counts.passed++;
    else counts.failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : ' — ' + detail}`);
    return ok;
  }
  /** Prints the summary line and sets the exit status; `extraFailures` for a crashed run. */
  function finish(extraFailures = 0) {
    const failed = counts.failed + extraFailures;
    console.log(`${counts.passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  }
  return { check, finish };
}

export function brief(value) {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  if (s === undefined || s === '') return '(missing)';
  return s.length > 300 ? s.slice(0, 300) + '…' : s;
}

/** Where two outerHTML strings first differ, with some context on both sides. */
export function firstDifference(a, b) {
  if (a === b) return '';
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ctx = (s) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 100));
  return `lengths ${a.length} vs ${b.length}; at ${i}: before ${ctx(a)} after ${ctx(b)}`;
}

/** Checks that nothing was shown, logged or fetched by Newsmark since a mark. */
export function checkQuiet(check, prefix, events, { allowUrls = [] } = {}) {
  check(`${prefix}: no Newsmark console errors`, events.errors.length === 0,
    brief(events.errors.map((e) => e.text)));
  check(`${prefix}: no dialogs`, events.dialogs.length === 0, brief(events.dialogs));
  const requests = events.requests.filter((r) => !allowUrls.includes(r.url));
  check(`${prefix}: no network requests after the click`, requests.length === 0,
    brief(requests.map((r) => r.url)));
}
