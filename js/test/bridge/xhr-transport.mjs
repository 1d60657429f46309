// Headless Chromium (Debian chromium via playwright-core) talks to the SockJS bridge over the xhr-polling
// transport only (as a browser behind a proxy that blocks WebSocket would), and the dashboard keeps its token
// out of the address bar.
// Usage: node xhr-transport.mjs <dashboard-url-with-token>
// Protocol on stdout: URL <what the address bar shows after load>, TRANSPORT <name>, RESULT OK <answer> | RESULT FAIL <why>
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url] = process.argv.slice(2);
if (!url) {
  console.log('RESULT FAIL usage: node xhr-transport.mjs <url>');
  process.exit(2);
}
const STEP_TIMEOUT_MS = 30000;
const token = new URL(url).searchParams.get('token');
const userDataDir = mkdtempSync(join(tmpdir(), 'ot-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (err) => console.log('PAGEERROR ' + err.message));
  await page.goto(url, { timeout: STEP_TIMEOUT_MS });
  await page.waitForSelector('body[data-ready="true"]', { timeout: STEP_TIMEOUT_MS });
  console.log('URL ' + await page.evaluate(() => window.location.href));
  // a second bus in the page, restricted to xhr-polling: its sends go through xhr_send
  const answer = await page.evaluate((t) => new Promise((resolve, reject) => {
    const eb = new EventBus(window.location.origin + '/eventbus?token=' + encodeURIComponent(t),
      { transports: ['xhr-polling'] });
    const timer = setTimeout(() => reject(new Error('no answer within 20 s')), 20000);
    eb.onopen = () => {
      const transport = eb.sockJSConn.transport;
      eb.send('orders.tracker', {}, { action: 'getStats' }, (err, reply) => {
        clearTimeout(timer);
        if (err) { reject(new Error(JSON.stringify(err))); return; }
        resolve({ transport, stats: reply.body });
      });
    };
  }), token);
  console.log('TRANSPORT ' + answer.transport);
  console.log('RESULT OK ' + JSON.stringify(answer.stats));
} catch (e) {
  console.log('RESULT FAIL ' + String(e && e.message || e).split('\n')[0]);
  process.exitCode = 1;
} finally {
  if (context) { await context.close(); }
  rmSync(userDataDir, { recursive: true, force: true });
}
