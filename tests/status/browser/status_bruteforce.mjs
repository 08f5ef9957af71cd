// Brute force against Borgerblikket over real HTTPS: FIELDKIT_ATTEMPTS wrong codes (default 10,000) from
// FIELDKIT_ADDRESSES client addresses (127.0.0.2 ... on loopback, default 100), half at the real citizen's
// reference and half at references that do not exist, while the real citizen looks the case up from an
// address of their own every 200 ms. Passes when no wrong code ever opens a case and every one of the
// citizen's look-ups is served. Prints the answers counted and the citizen's latencies (JSON on the last line).
import { readFileSync } from 'node:fs';
import https from 'node:https';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const url = new URL(env('FIELDKIT_STATUS_URL'));
const receipt = JSON.parse(env('FIELDKIT_RECEIPT'));
const attempts = Number(process.env.FIELDKIT_ATTEMPTS || 10000);
const addresses = Number(process.env.FIELDKIT_ADDRESSES || 100);
const concurrency = Number(process.env.FIELDKIT_CONCURRENCY || 50);
const ca = readFileSync(env('FIELDKIT_STATUS_CA')); // the center's CA, which issued the status page's certificate
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomText = (n) => Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * 32)]).join('');

function post(reference, code, localAddress, agent) {
  const body = `reference=${encodeURIComponent(reference)}&code=${encodeURIComponent(code)}`;
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = https.request(
      {
        host: url.hostname, port: url.port, path: '/status', method: 'POST', ca, localAddress, agent,
        checkServerIdentity: () => undefined, // the center's CA names no IP; the certificate itself is pinned
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { text += d; });
        res.on('end', () => resolve({ status: res.statusCode, opened: text.includes('status-timeline'), ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      });
    req.on('error', (e) => resolve({ status: 0, opened: false, error: e.message, ms: 0 }));
    req.end(body);
  });
}

const agents = Array.from({ length: addresses }, () => new https.Agent({ keepAlive: true, maxSockets: 4 }));
const counts = { opened: 0, notFound: 0, tooMany: 0, other: 0 };
let next = 0;
async function attacker() {
  while (next < attempts) {
    const i = next++;
    const a = i % addresses;
    const reference = i % 2 === 0 ? receipt.reference : randomText(10);
    let code = randomText(16);
    if (code === receipt.code) code = randomText(16);
    const r = await post(reference, code, `127.0.0.${2 + a}`, agents[a]);
    if (r.opened) counts.opened++;
    else if (r.status === 429) counts.tooMany++;
    else if (r.status === 200) counts.notFound++;
    else counts.other++;
  }
}

const citizenAgent = new https.Agent({ keepAlive: true, maxSockets: 1 });
const citizen = { served: 0, failed: 0, latencies: [] };
let attacking = true;
async function realCitizen() {
  while (attacking) {
    const r = await post(receipt.reference, receipt.code, '127.0.0.250', citizenAgent);
    if (r.opened) {
      citizen.served++;
      citizen.latencies.push(r.ms);
    } else {
      citizen.failed++;
      console.log(`citizen not served: ${r.status} ${r.error || ''}`);
    }
    await new Promise((res) => setTimeout(res, 200));
  }
}

const started = Date.now();
const citizenDone = realCitizen();
await Promise.all(Array.from({ length: concurrency }, attacker));
attacking = false;
await citizenDone;
const seconds = (Date.now() - started) / 1000;
const sorted = [...citizen.latencies].sort((a, b) => a - b);
const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);
const result = {
  attempts, addresses, seconds, ...counts,
  citizenServed: citizen.served, citizenFailed: citizen.failed,
  citizenP50ms: pct(50), citizenP99ms: pct(99), citizenMaxMs: sorted.at(-1) || 0,
};
console.log(`wrong codes: ${attempts} from ${addresses} addresses in ${seconds.toFixed(1)} s: opened ${counts.opened}, ` +
  `not found ${counts.notFound}, 429 ${counts.tooMany}, other ${counts.other}`);
console.log(`real citizen: served ${citizen.served}, not served ${citizen.failed}, p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`);
console.log(JSON.stringify(result));
const ok = counts.opened === 0 && counts.other === 0 && citizen.failed === 0 && citizen.served > 0;
process.exit(ok ? 0 : 1);
