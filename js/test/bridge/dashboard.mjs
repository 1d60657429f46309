// Loads the dashboard in real headless Chromium (Debian chromium via playwright-core) and follows one order.
// Usage: node dashboard.mjs <dashboard-url-with-token> <order-id or client-order-id> <screenshot.png> [--reconnect]
// Protocol on stdout, one line each (the JUnit test drives the order's life from them):
//   READY            the page is connected and has loaded active orders
//   DISCONNECTED     (--reconnect) the page noticed that the bridge went away
//   RECONNECTED      (--reconnect) the page reconnected on its own and re-queried the tracker
//   SEEN <status>    the order's row appeared in the active table
//   RESULT OK <png>  the order shows FILLED; screenshot saved
//   RESULT FAIL <why>
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const [url, orderId, screenshot, mode] = process.argv.slice(2);
if (!url || !orderId || !screenshot) {
  console.log('RESULT FAIL usage: node dashboard.mjs <url> <order-id> <screenshot.png>');
  process.exit(2);
}
const STEP_TIMEOUT_MS = 30000;
const userDataDir = mkdtempSync(join(tmpdir(), 'ot-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1360, height: 980 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (msg) => { if (msg.type() === 'error') console.log('CONSOLE ' + msg.text()); });
  page.on('pageerror', (err) => console.log('PAGEERROR ' + err.message));
  await page.goto(url, { timeout: STEP_TIMEOUT_MS });
  await page.waitForSelector('body[data-ready="true"]', { timeout: STEP_TIMEOUT_MS });
  console.log('READY');
  if (mode === '--reconnect') {
    await page.waitForSelector('body[data-ready="false"]', { timeout: STEP_TIMEOUT_MS });
    console.log('DISCONNECTED');
    await page.waitForSelector('body[data-ready="true"]', { timeout: STEP_TIMEOUT_MS });
    console.log('RECONNECTED');
  }
  const row = (table, extra = '') => page.locator(`#${table} tr[data-order-id="${orderId}"]${extra}, `
    + `#${table} tr[data-client-order-id="${orderId}"]${extra}`);
  const activeRow = row('active');
  await activeRow.waitFor({ timeout: STEP_TIMEOUT_MS });
  console.log('SEEN ' + await activeRow.getAttribute('data-status'));
  const filledRow = row('completed', '[data-status="FILLED"]');
  await filledRow.waitFor({ timeout: STEP_TIMEOUT_MS });
  // the feed shows the fill and the stats caught up (debounced query)
  await page.locator('#feed li.e-ORDER_FILLED').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction(() => Number(document.querySelector('[data-stat="total_filled"]').textContent) >= 1,
    null, { timeout: STEP_TIMEOUT_MS });
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log('RESULT OK ' + screenshot);
} catch (e) {
  console.log('RESULT FAIL ' + String(e && e.message || e).split('\n')[0]);
  process.exitCode = 1;
} finally {
  if (context) { await context.close(); }
  rmSync(userDataDir, { recursive: true, force: true });
}
