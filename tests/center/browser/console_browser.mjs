// The center console in a real browser: Debian's Chromium driven by playwright-core, against a running
// `fieldkit-center serve` whose center received a real case from a device. Logs in with password + TOTP, finds
// the case in the inbox, opens it, checks its decrypted values and the audit entry for the view, reveals the
// CPR number, and runs axe-core on every page (0 serious or critical violations). Then the security checks over
// plain HTTPS requests (trusting the center's CA): no page without a session, no POST
// without the CSRF token, no administration for a caseworker, lockout after five failed logins.
// IT's fleet page as an administrator: an enrolment code made in the browser, read back from its QR code with
// zbarimg and given to a real `fieldkit-syncd enroll`; the device then syncs, is ordered wiped after a
// confirmation step and wipes itself at its next real `sync-once`; a second device enrolled with a typed code
// is revoked and refused. Screenshots of every step go to FIELDKIT_ARTEFACTS. Exit status 0 only when every check passed.
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
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

const base = env('FIELDKIT_CONSOLE_URL');
const caseId = env('FIELDKIT_CASE_ID');
const users = JSON.parse(env('FIELDKIT_USERS'));
const expect = JSON.parse(env('FIELDKIT_EXPECT'));
const artefacts = env('FIELDKIT_ARTEFACTS');
const syncd = env('FIELDKIT_SYNCD');
const hubAddress = env('FIELDKIT_HUB_ADDRESS');
const newDevices = JSON.parse(env('FIELDKIT_NEW_DEVICES')); // two device stores, not enrolled yet
rmSync(artefacts, { recursive: true, force: true });
mkdirSync(artefacts, { recursive: true });

let failures = 0;
let adminSession = '';
let adminDevice = '';
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0;
  const out = [];
  for (const c of text.replace(/=+$/, '')) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits), computed here independently of the server's code. */
function totp(secretBase32, offsetSteps = 0) {
  const step = Math.floor(Date.now() / 1000 / 30) + offsetSteps;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  return String(code).padStart(6, '0');
}

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

async function browserLogin(page, user, label) {
  await page.goto(`${base}/inbox`);
  check(new URL(page.url()).pathname === '/login', `${label}: without a session the inbox sends the browser to the login page`);
  await screenshot(page, `${label}-login`);
  await axe(page, 'login page');
  await page.getByLabel('Brugernavn').fill(user.name);
  await page.getByLabel('Adgangskode').fill(user.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForLoadState();
  if (new URL(page.url()).pathname !== '/login/totp') {
    await screenshot(page, `${label}-login-refused`);
    throw new Error(`${label}: the login did not reach the TOTP step: ${page.url()}: ${await page.locator('main').innerText()}`);
  }
  await screenshot(page, `${label}-totp`);
  await axe(page, 'one-time code page');
  await page.getByLabel(/Kode fra din autentificeringsapp/).fill(totp(user.secret));
  await page.getByRole('button', { name: 'Bekræft' }).click();
  await page.waitForLoadState();
}

// The browser trusts exactly the console's key (its SPKI hash), not every certificate: the center's own CA
// signs with Ed25519, which Chromium does not verify.
const consoleCert = new X509Certificate(readFileSync(env('FIELDKIT_CONSOLE_CERT')));
const spki = createHash('sha256').update(consoleCert.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
const browser = await chromium.launch({
  executablePath: process.env.FIELDKIT_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [`--ignore-certificate-errors-spki-list=${spki}`],
});
try {
  const context = await browser.newContext({ locale: 'da-DK' });
  const page = await context.newPage();
  const caseworker = users.caseworker;
  await browserLogin(page, caseworker, 'caseworker');
  check(new URL(page.url()).pathname === '/inbox', 'password + TOTP lead to the inbox');
  await screenshot(page, 'inbox');
  await axe(page, 'inbox');
  const link = page.locator(`a[href^="/case/${caseId}"]`);
  check((await link.count()) === 1, 'the case synced from the device is in the inbox');
  const row = page.locator('tr', { has: link });
  check((await row.innerText()).includes(expect.service), `the inbox row shows the service "${expect.service}" from clear metadata`);

  // Filtering by another service hides it; by its own shows it.
  await page.getByLabel('Emne').selectOption(expect.otherServiceCode);
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await page.waitForLoadState();
  check((await page.locator(`a[href^="/case/${caseId}"]`).count()) === 0, 'filtering on another service hides the case');
  await page.getByLabel('Emne').selectOption(expect.serviceCode);
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await page.waitForLoadState();
  check((await page.locator(`a[href^="/case/${caseId}"]`).count()) === 1, 'filtering on its service shows the case');
  await screenshot(page, 'inbox-filtered');

  await page.locator(`a[href^="/case/${caseId}"]`).click();
  await page.waitForURL(`**/case/${caseId}`);
  await screenshot(page, 'case');
  await axe(page, 'case page');
  const body = await page.locator('main').innerText();
  check((await page.locator('.console-service').innerText()).includes(expect.service), 'the case page shows the service');
  for (const value of expect.values) check(body.includes(value), `the case page shows the decrypted value "${value}"`);
  check(body.includes(expect.cprMasked) && !body.includes(expect.cpr), 'the CPR number is masked until someone chooses to see it');
  const auditText = await page.locator('.console-audit').innerText();
  check(auditText.includes(caseworker.name) && auditText.includes('Så sagen') && auditText.includes('Sagsbehandling'),
        'the audit entry for this view (who, what, purpose) is on the case page');
  const headers = (await page.reload()).headers();
  check(headers['cache-control'] === 'no-store', 'a page with personal data is sent with Cache-Control: no-store');
  check((headers['content-security-policy'] || '').includes("script-src 'self'") &&
        (headers['content-security-policy'] || '').includes("frame-ancestors 'none'"), 'the CSP forbids inline scripts and framing');
  check(headers['referrer-policy'] === 'no-referrer' && headers['x-content-type-options'] === 'nosniff' &&
        (headers['strict-transport-security'] || '').includes('max-age='), 'HSTS, no referrer and nosniff are sent');

  await page.getByRole('button', { name: 'Vis CPR-nummer' }).click();
  await page.waitForLoadState();
  check(new URL(page.url()).search === '', 'revealing the CPR number puts nothing in the URL');
  check((await page.locator('.console-cpr').innerText()).includes(expect.cpr), 'the CPR number is shown after "Vis CPR-nummer"');
  check((await page.locator('.console-audit').innerText()).includes('Så CPR-nummeret'), 'revealing the CPR number is audited');
  await screenshot(page, 'case-cpr-revealed');
  await axe(page, 'case page with the CPR number');

  // A status change authored at the center (delivered to the device on its next sync: checked by the caller).
  await page.getByLabel('Ny status').selectOption(expect.newStatusCode);
  await page.getByRole('button', { name: 'Skift status' }).click();
  await page.waitForLoadState();
  if (new URL(page.url()).pathname !== `/case/${caseId}`) {
    await screenshot(page, 'status-change-refused');
    throw new Error(`the status change did not go through: ${page.url()}: ${await page.locator('main').innerText()}`);
  }
  check((await page.locator('.console-status').innerText()) === expect.newStatus, `the case page shows the new status "${expect.newStatus}"`);
  check((await page.locator('.console-audit').innerText()).includes('Skiftede status'), 'the status change is audited');
  await screenshot(page, 'case-status-changed');
  await axe(page, 'case page after the status change');

  await page.goto(`${base}/inbox?lang=en`);
  check((await page.locator('h1').innerText()) === 'Cases from the mobile units', 'the inbox speaks English with ?lang=en');
  check((await page.locator('html').getAttribute('lang')) === 'en', 'the English page says lang="en"');
  await screenshot(page, 'inbox-english');
  await axe(page, 'inbox in English');
  await page.goto(`${base}/admin/audit`);
  check((await page.locator('main').innerText()).includes('Du har ikke adgang'), 'a caseworker is refused the administration page');
  await axe(page, 'error page');
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.waitForURL('**/login');
  await context.close();

  const adminContext = await browser.newContext({ locale: 'da-DK' });
  const adminPage = await adminContext.newPage();
  await browserLogin(adminPage, users.admin, 'admin');
  check(new URL(adminPage.url()).pathname === '/admin/audit', 'an administrator lands on the access log');
  const auditPage = await adminPage.locator('main').innerText();
  check(auditPage.includes('Loggens kæde er hel'), 'the audit chain checks out');
  check(auditPage.includes('view_case') && auditPage.includes('reveal_cpr'), 'the access log lists the view and the reveal');
  await screenshot(adminPage, 'admin-audit');
  await axe(adminPage, 'access log');
  await adminPage.goto(`${base}/case/${caseId}`);
  check((await adminPage.locator('main').innerText()).includes('Du har ikke adgang'), 'an administrator does not read case data');

  // ---- The fleet: enrol a device with a code made here, then wipe it; enrol another and revoke it ----
  const syncdRun = (args) => {
    const r = spawnSync(syncd, args, { encoding: 'utf8', timeout: 120000 });
    console.log(`  fieldkit-syncd ${args[0]}: exit ${r.status}: ${(r.stdout + r.stderr).trim().split('\n').join(' | ')}`);
    return r;
  };
  const deviceIdOf = (out) => (/enrolled: device ([0-9a-f]{32})/.exec(out) || [])[1] || '';
  const stateOf = async (deviceId) => adminPage.locator(`tr[data-device="${deviceId}"] .console-state`).getAttribute('data-state');
  const createCode = async (label) => {
    await adminPage.goto(`${base}/fleet`);
    await adminPage.getByLabel('Enhed').selectOption('bike-07');
    await adminPage.getByLabel('Koden gælder i').selectOption('3600');
    await adminPage.getByRole('button', { name: 'Lav tilmeldingskode' }).click();
    await adminPage.waitForLoadState();
    await screenshot(adminPage, `fleet-code-${label}`);
    return (await adminPage.locator('#enrolment-code').innerText()).trim();
  };

  await adminPage.getByRole('link', { name: 'Enheder og tablets' }).click();
  await adminPage.waitForURL('**/fleet');
  await screenshot(adminPage, 'fleet');
  await axe(adminPage, 'fleet page');
  check((await adminPage.locator('table.console-fleet tbody tr').count()) >= 1, 'the fleet page lists the device that synced the case');
  check(!(await adminPage.locator('main').innerText()).includes('Karen'), 'the fleet page shows no personal data');

  const qrCode = await createCode('qr');
  check(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/.test(qrCode), `the enrolment code is shown as text (${qrCode.length} characters)`);
  const qr = adminPage.locator('svg.console-qr');
  check((await qr.count()) === 1 && (await qr.getAttribute('role')) === 'img' &&
        (await qr.locator('title').textContent()).length > 0, 'the QR code is an SVG image with a text alternative');
  await axe(adminPage, 'enrolment code page');
  const qrFile = path.join(artefacts, 'enrolment-qr.png');
  await qr.screenshot({ path: qrFile });
  const scanned = spawnSync('zbarimg', ['--raw', '-q', qrFile], { encoding: 'utf8' });
  const qrLink = scanned.stdout.trim();
  check(qrLink === `fieldkit-enrol:?hub=${hubAddress}&code=${qrCode}`, `the QR code reads back as the hub address and the code (${qrLink})`);

  const enrolled = syncdRun(['enroll', '--data', newDevices[0], '--link', qrLink]);
  check(enrolled.status === 0, 'a real fieldkit-syncd enrolls with the link scanned from the QR code');
  const wipeId = deviceIdOf(enrolled.stdout);
  await adminPage.goto(`${base}/fleet`);
  check((await stateOf(wipeId)) === 'awaiting', 'the new device is on the fleet page, awaiting its first contact');
  check(syncdRun(['sync-once', '--data', newDevices[0]]).status === 0, 'the enrolled device syncs');
  await adminPage.reload();
  check((await stateOf(wipeId)) === 'active', 'after its first sync the device is active');
  await screenshot(adminPage, 'fleet-enrolled');

  await adminPage.locator(`tr[data-device="${wipeId}"]`).getByRole('link', { name: /Bestil sletning/ }).click();
  await adminPage.waitForURL(`**/fleet/device/${wipeId}/wipe`);
  check((await adminPage.locator('main').innerText()).includes(wipeId), 'the confirmation step names the device');
  await screenshot(adminPage, 'fleet-wipe-confirm');
  await axe(adminPage, 'wipe confirmation page');
  await adminPage.getByRole('button', { name: 'Ja, bestil sletning' }).click();
  await adminPage.waitForURL('**/fleet?done=wipe');
  check((await stateOf(wipeId)) === 'wipe_ordered', 'the fleet page shows the wipe as ordered');
  const wiped = syncdRun(['sync-once', '--data', newDevices[0]]);
  check(wiped.status === 4 && wiped.stdout.includes('wiped'), 'at its next real sync the device receives the order and wipes itself');
  await adminPage.goto(`${base}/fleet`);
  check((await stateOf(wipeId)) === 'wiped', 'the fleet page shows the device as wiped');
  await screenshot(adminPage, 'fleet-wiped');

  const typed = await createCode('typed');
  const second = syncdRun(['enroll', '--data', newDevices[1], '--hub', hubAddress, '--code', typed]);
  check(second.status === 0, 'a second device enrolls with a code typed from the page');
  const revokeId = deviceIdOf(second.stdout);
  await adminPage.goto(`${base}/fleet/device/${revokeId}/revoke`);
  check((await adminPage.locator('main').innerText()).includes(revokeId), 'the revocation step names the device');
  await axe(adminPage, 'revoke confirmation page');
  await adminPage.getByRole('button', { name: 'Ja, spær tabletten' }).click();
  await adminPage.waitForURL('**/fleet?done=revoked');
  check((await stateOf(revokeId)) === 'revoked', 'the fleet page shows the device as revoked');
  await screenshot(adminPage, 'fleet-revoked');
  check(syncdRun(['sync-once', '--data', newDevices[1]]).status !== 0, 'the revoked device is refused at its next sync');

  await adminPage.goto(`${base}/admin/audit`);
  const fleetAudit = await adminPage.locator('main').innerText();
  check(fleetAudit.includes('create_enrolment_code:bike-07') && fleetAudit.includes(`order_wipe:${wipeId}`) &&
        fleetAudit.includes(`revoke_device:${revokeId}`), 'the codes, the wipe order and the revocation are in the access log');
  // The administrator's own session, for the checks without the form's CSRF token below.
  adminSession = (await adminContext.cookies()).find((c) => c.name === '__Host-fksession').value;
  adminDevice = revokeId;
  await adminPage.goto(`${base}/fleet?lang=en`);
  check((await adminPage.locator('h1').innerText()) === 'Mobile units and devices', 'the fleet page speaks English with ?lang=en');
  await axe(adminPage, 'fleet page in English');
  await adminContext.close();
} finally {
  await browser.close();
}

// ---- Security checks over plain requests, trusting the center's CA (and nothing else) ----
const testCa = readFileSync(env('FIELDKIT_CONSOLE_CA'));
class Client {
  constructor() { this.cookies = new Map(); }
  async request(method, pathname, form) {
    const headers = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    let body;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const res = await new Promise((resolve, reject) => {
      const req = https.request(`${base}${pathname}`, { method, headers, ca: testCa }, (r) => {
        const chunks = [];
        r.on('data', (c) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode, headers: r.headers, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });
    for (const c of res.headers['set-cookie'] || []) {
      const [pair] = c.split(';');
      const [k, v] = pair.split('=');
      if (c.includes('Max-Age=0')) this.cookies.delete(k); else this.cookies.set(k, v);
      check(c.includes('Secure') && c.includes('HttpOnly') && c.includes('SameSite=Strict') && c.includes('Path=/') &&
            k.startsWith('__Host-'), `cookie ${k} is __Host-, Secure, HttpOnly, SameSite=Strict`);
    }
    return { status: res.status, location: res.headers.location, text: res.text };
  }
  static csrfOf(html) {
    const m = /name="csrf" value="([0-9a-f]+)"/.exec(html);
    return m ? m[1] : '';
  }
  async login(user, code = totp(user.secret)) {
    const page = await this.request('GET', '/login');
    const first = await this.request('POST', '/login', { csrf: Client.csrfOf(page.text), name: user.name, password: user.password });
    if (first.status !== 303) return first;
    const second = await this.request('GET', '/login/totp');
    return this.request('POST', '/login/totp', { csrf: Client.csrfOf(second.text), code });
  }
}

const anonymous = new Client();
for (const p of ['/inbox', `/case/${caseId}`, '/admin/audit', '/']) {
  const r = await anonymous.request('GET', p);
  check(r.status === 303 && r.location === '/login', `GET ${p} without a session redirects to the login page`);
}
const revealAnon = await anonymous.request('POST', `/case/${caseId}/reveal`, { csrf: 'x' });
check(revealAnon.status === 303 && revealAnon.location === '/login', 'a POST without a session redirects to the login page');
const noPre = await anonymous.request('POST', '/login', { name: users.other.name, password: users.other.password });
check(noPre.status === 403, 'a login POST without its CSRF token is refused (403)');

const other = new Client();
const otherCode = totp(users.other.secret);
const loggedIn = await other.login(users.other, otherCode);
check(loggedIn.status === 303, 'a second caseworker logs in over plain requests');
const inbox = await other.request('GET', '/inbox');
check(inbox.status === 200, 'the caseworker reaches the inbox');
const csrf = Client.csrfOf(inbox.text);
check((await other.request('POST', `/case/${caseId}/reveal`, {})).status === 403, 'a POST without the CSRF token is refused (403)');
check((await other.request('POST', `/case/${caseId}/reveal`, { csrf: csrf.replace(/.$/, (c) => (c === '0' ? '1' : '0')) })).status === 403,
      'a POST with a wrong CSRF token is refused (403)');
check((await other.request('POST', '/logout', { csrf: 'nope' })).status === 403, 'logout without the right CSRF token is refused (403)');
check((await other.request('GET', '/admin/audit')).status === 403, 'a caseworker cannot reach an admin-only route (403)');
for (const p of ['/fleet', `/fleet/device/${'0'.repeat(32)}/wipe`]) {
  check((await other.request('GET', p)).status === 403, `a caseworker cannot reach ${p} (403)`);
}
check((await other.request('POST', '/fleet/enrol', { csrf, unit: 'bike-07' })).status === 403, 'a caseworker cannot create an enrolment code (403)');
const itAdmin = new Client();
itAdmin.cookies.set('__Host-fksession', adminSession);
check((await itAdmin.request('GET', '/fleet')).status === 200, 'the administrator\'s session reaches the fleet over plain requests');
check((await itAdmin.request('POST', '/fleet/enrol', { unit: 'bike-07', valid: '3600' })).status === 403,
      'an administrator\'s enrolment code POST without the CSRF token is refused (403)');
check((await itAdmin.request('POST', `/fleet/device/${adminDevice}/wipe`, {})).status === 403,
      'an administrator\'s wipe order POST without the CSRF token is refused (403)');

const reuse = new Client();
const replay = await reuse.login(users.other, otherCode);
check(replay.status === 401, 'the same TOTP code (same time step) is refused a second time');

const locked = new Client();
for (let i = 1; i <= 5; i++) {
  const page = await locked.request('GET', '/login');
  const r = await locked.request('POST', '/login', { csrf: Client.csrfOf(page.text), name: users.lockout.name, password: 'wrong password ' + i });
  check(r.status === 401, `failed login ${i} is refused`);
}
const page6 = await locked.request('GET', '/login');
const sixth = await locked.request('POST', '/login', { csrf: Client.csrfOf(page6.text), name: users.lockout.name, password: users.lockout.password });
check(sixth.status === 429 && sixth.text.includes('spærret'), 'after five failed logins even the right password is refused: the account is locked');

console.log(failures === 0 ? 'all browser and security checks passed' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
