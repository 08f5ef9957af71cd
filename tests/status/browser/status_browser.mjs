// Borgerblikket in a real browser: Debian's Chromium driven by playwright-core against `fieldkit-hub serve
// --status-listen`, whose center received a real case from a device through a real fieldkit-syncd. The
// citizen types the receipt, sees the case; a status change and a look at the device reach the page after the
// next sync (Min log); the QR link (code in the fragment) opens it; Danish and English; axe-core on every page
// (0 serious or critical); 320 px and 200 % zoom without horizontal scrolling; the page's weight. Screenshots
// of every step go to FIELDKIT_ARTEFACTS. Exit status 0 only when every check passed.
import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const require = createRequire(path.join(env('FIELDKIT_WEB_DIR'), 'package.json'));
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');

const base = env('FIELDKIT_STATUS_URL');
const receipt = JSON.parse(env('FIELDKIT_RECEIPT'));
const artefacts = env('FIELDKIT_ARTEFACTS');
const device = env('FIELDKIT_DEVICE');
const caseId = env('FIELDKIT_CASE_ID');
const canaries = JSON.parse(env('FIELDKIT_CANARIES'));
rmSync(artefacts, { recursive: true, force: true });
mkdirSync(artefacts, { recursive: true });

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

function run(argv, extraEnv = {}) {
  const r = spawnSync(argv[0], argv.slice(1), { env: { ...process.env, ...extraEnv }, encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) console.log(`  ${argv.join(' ')} -> ${r.status}: ${r.stderr}`);
  return r.status === 0;
}
const ctl = (...args) => run([env('FIELDKIT_CTL'), '--data', device, ...args], { FIELDKIT_PIN: env('FIELDKIT_PIN') });
const sync = () => run([env('FIELDKIT_SYNCD'), 'sync-once', '--data', device, '--hub', env('FIELDKIT_HUB_ADDRESS')]);

async function axe(page, name) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) console.log(`  axe ${name}: ${v.impact} ${v.id}: ${v.help}`);
  check(bad.length === 0, `axe-core on ${name}: no serious or critical violations (${result.violations.length} minor)`);
}

let shot = 0;
async function screenshot(page, name) {
  shot++;
  await page.screenshot({ path: path.join(artefacts, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
}

async function noHorizontalScroll(page, what) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  check(scroll <= width, `${what}: no horizontal scrolling (${scroll} <= ${width} CSS px)`);
}

async function lookUp(page, reference, code, lang = '') {
  await page.goto(`${base}/status${lang ? `?lang=${lang}` : ''}`);
  await page.fill('#reference', reference);
  await page.fill('#code', code);
  const [response] = await Promise.all([page.waitForNavigation(), page.click('form.status-form button[type="submit"]')]);
  return response;
}

function noCanaries(html, what) {
  const found = canaries.filter((c) => html.includes(c));
  check(found.length === 0, `${what} holds no personal data of the citizen (${found.join(', ') || 'none found'})`);
}

// The browser trusts exactly the status page's key (its SPKI hash): the center's CA signs with Ed25519, which
// Chromium does not verify.
const cert = new X509Certificate(readFileSync(env('FIELDKIT_STATUS_CERT')));
const spki = createHash('sha256').update(cert.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
const browser = await chromium.launch({
  executablePath: process.env.FIELDKIT_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [`--ignore-certificate-errors-spki-list=${spki}`],
});
const weights = {};
try {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  // The form, with its security headers.
  const formResponse = await page.goto(`${base}/status`);
  const headers = formResponse.headers();
  check(/script-src 'self'/.test(headers['content-security-policy'] || '') && !/unsafe-inline/.test(headers['content-security-policy']),
    'CSP allows only the page\'s own scripts, nothing inline');
  check((headers['strict-transport-security'] || '').startsWith('max-age='), 'HSTS is set');
  check(headers['referrer-policy'] === 'no-referrer', 'Referrer-Policy: no-referrer');
  check(!('set-cookie' in headers), 'no cookie');
  await axe(page, 'form (da)');
  await screenshot(page, 'form-da');

  // The receipt typed as printed, lower case with dashes.
  await lookUp(page, receipt.reference.toLowerCase(), receipt.code.toLowerCase());
  let html = await page.content();
  check(html.includes('<h1>Pas</h1>'), 'the result names the service');
  check(html.includes('Oprettet'), 'the status is "Oprettet"');
  check(html.includes('Du mangler') && html.includes('Det gamle pas'), 'what is missing is listed ("Du mangler: ... Det gamle pas")');
  check(html.includes('Ansvarlig myndighed'), 'the responsible authority is named');
  check(!html.includes(receipt.code) && !html.includes(receipt.code.toLowerCase()), 'the code is not echoed');
  check(!html.includes('anna'), 'no caseworker name');
  noCanaries(html, 'the result page');
  await axe(page, 'result (da)');
  await screenshot(page, 'result-da-opened');

  // A wrong code and an unknown reference: the same words.
  await lookUp(page, receipt.reference, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  const wrong = await page.locator('.alert-text').innerText();
  await lookUp(page, '00000-00000', receipt.code);
  const unknown = await page.locator('.alert-text').innerText();
  check(wrong === unknown && wrong.includes('Vi kunne ikke finde'), 'a wrong code and an unknown reference get the same answer');
  await axe(page, 'not found (da)');
  await screenshot(page, 'not-found-da');

  // A status change at the device reaches the page after the next sync.
  check(ctl('case', 'status', caseId, 'informed'), 'the device moves the case to "informed"');
  check(sync(), 'the device syncs');
  await lookUp(page, receipt.reference, receipt.code);
  html = await page.content();
  check(html.includes('<strong>Oplyst</strong>'), 'the page shows the new status "Oplyst" after the sync');
  await screenshot(page, 'result-da-informed');

  // A look at the case on the device appears in Min log after the sync.
  check(ctl('case', 'show', caseId, '--purpose', 'case-page'), 'staff open the case on the device');
  check(sync(), 'the device syncs again');
  await lookUp(page, receipt.reference, receipt.code);
  html = await page.content();
  check(html.includes('Sagen blev åbnet') && html.includes('bike-07'), 'Min log shows the look: purpose and unit');
  check(!html.includes('anna'), 'Min log names no staff member');
  await axe(page, 'result with Min log (da)');
  await screenshot(page, 'result-da-minlog');

  // The QR link: reference and code in the fragment, moved into the form by status.js and then removed.
  await page.goto('about:blank'); // from /status itself the link would only move to the fragment
  await page.goto(`${base}/status${receipt.fragment}`);
  await page.waitForFunction(() => document.getElementById('code').value.length > 0);
  const fragmentLeft = await page.evaluate(() => window.location.hash);
  check(fragmentLeft === '', 'the fragment is gone from the address bar once read');
  await screenshot(page, 'qr-link-filled');
  await Promise.all([page.waitForNavigation(), page.click('form.status-form button[type="submit"]')]);
  check((await page.content()).includes('<strong>Oplyst</strong>'), 'the QR link opens the case');

  // English.
  const english = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const enPage = await english.newPage();
  await enPage.goto(`${base}/status?lang=en`);
  await axe(enPage, 'form (en)');
  await screenshot(enPage, 'form-en');
  await lookUp(enPage, receipt.reference, receipt.code, 'en');
  html = await enPage.content();
  check(html.includes('<html lang="en">') && html.includes('Status now') && html.includes('My log'), 'the English page');
  check(html.includes('<h1>Passport</h1>'), 'the service in English');
  await axe(enPage, 'result (en)');
  await screenshot(enPage, 'result-en');
  await english.close();

  // 320 px wide (a small phone) and 200 % zoom (a 1280 px window at 2x is 640 CSS px).
  const narrow = await browser.newContext({ locale: 'da-DK', viewport: { width: 320, height: 640 } });
  const narrowPage = await narrow.newPage();
  await narrowPage.goto(`${base}/status`);
  await noHorizontalScroll(narrowPage, 'form at 320 px');
  await screenshot(narrowPage, 'form-320px');
  await lookUp(narrowPage, receipt.reference, receipt.code);
  await noHorizontalScroll(narrowPage, 'result at 320 px');
  await axe(narrowPage, 'result at 320 px');
  await screenshot(narrowPage, 'result-320px');
  await narrow.close();
  const zoomed = await browser.newContext({ locale: 'da-DK', viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  const zoomedPage = await zoomed.newPage();
  await lookUp(zoomedPage, receipt.reference, receipt.code);
  await noHorizontalScroll(zoomedPage, 'result at 200 % zoom');
  await screenshot(zoomedPage, 'result-200pct');
  await zoomed.close();

  // Page weight: everything a first visit transfers for the result page (HTML, CSS, script, fonts).
  const fresh = await browser.newContext({ locale: 'da-DK' });
  const weighed = await fresh.newPage();
  const sizes = [];
  weighed.on('requestfinished', async (request) => {
    const s = await request.sizes();
    sizes.push({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize });
  });
  await lookUp(weighed, receipt.reference, receipt.code);
  await weighed.waitForLoadState('networkidle');
  const total = sizes.reduce((n, s) => n + s.bytes, 0);
  for (const s of sizes) console.log(`  ${s.bytes} B ${s.url.replace(base, '')}`);
  const thirdParty = sizes.filter((s) => !s.url.startsWith(base));
  check(thirdParty.length === 0, 'no third-party requests');
  weights.totalBytes = total;
  weights.requests = sizes.length;
  check(total <= 100 * 1024, `page weight ${total} B (form, look-up and result with everything they load) <= 100 KB`);
  await fresh.close();
  writeFileSync(path.join(artefacts, 'page-weight.json'), JSON.stringify({ ...weights, parts: sizes }, null, 1));
} catch (e) {
  console.log(`FAIL ${e.stack}`);
  failures++;
} finally {
  await browser.close();
}
console.log(failures === 0 ? 'all checks passed' : `${failures} checks failed`);
process.exit(failures === 0 ? 0 : 1);
