// e2e "input": a page with text fields, one focused. A screenshot between the two clicks
// must not change the DOM that the second click is then compared against (Playwright's
// default screenshot hid the caret by writing style="" onto every input).

import path from 'node:path';
import { firstDifference } from './report.mjs';

export async function inputTest(browser, base, { check, outDir }) {
  const p = `${browser.name} input`;
  const tab = await browser.newTab();
  await tab.goto(base + 'fixtures/form-input.html');
  const before = await tab.outerHTML();
  const r = await tab.click();
  check(`${p}: click annotates`, r?.state === 'annotated', r?.error || r?.state);
  await tab.waitForPanel();
  await tab.screenshot(path.join(outDir, `${browser.name}-input.png`));
  const r2 = await tab.click();
  check(`${p}: second click clears`, r2?.state === 'cleared', r2?.error || r2?.state);
  const after = await tab.outerHTML();
  check(`${p}: outerHTML restored after a screenshot`, after === before, firstDifference(before, after));
  await tab.close().catch(() => {});
}
