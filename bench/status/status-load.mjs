// Load for Borgerblikket: CLIENTS concurrent clients (each its own keep-alive TLS connection) look up cases
// with valid receipts for SECONDS; prints look-ups/s, latency percentiles and the bytes of each answer as JSON.
// Usage: node status-load.mjs URL CA_CERT RECEIPTS.json CLIENTS SECONDS [RATE]
// With RATE (look-ups/s over all clients) each client sends on its own schedule (CLIENTS/RATE s apart, started
// at random offsets), so the latency is the server's, not the queue a closed loop builds; without it every
// client sends again as soon as it has its answer (the most the server does).
import { readFileSync } from 'node:fs';
import https from 'node:https';

const [url, certFile, receiptsFile, clientsText, secondsText] = process.argv.slice(2);
const target = new URL(url);
const ca = readFileSync(certFile);
const receipts = JSON.parse(readFileSync(receiptsFile, 'utf8'));
const clients = Number(clientsText);
const seconds = Number(secondsText);
const rate = Number(process.argv[7] || 0);
const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

function request(method, path, body, agent, headers = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = https.request(
      { host: target.hostname, port: target.port, path, method, ca, agent, checkServerIdentity: () => undefined,
        headers: { ...headers, ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {}) } },
      (res) => {
        let bytes = 0;
        let text = '';
        res.on('data', (d) => { bytes += d.length; if (text.length < 100000) text += d; });
        res.on('end', () => resolve({ status: res.statusCode, bytes, text, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      });
    req.on('error', (e) => resolve({ status: 0, bytes: 0, text: '', error: e.message, ms: 0 }));
    req.end(body);
  });
}

const latencies = [];
let ok = 0;
let bad = 0;
const deadline = Date.now() + seconds * 1000;
const warmup = Date.now() + 2000;
async function client(i) {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
  let n = i;
  const period = rate > 0 ? (clients / rate) * 1000 : 0;
  let next = Date.now() + Math.random() * period;
  while (Date.now() < deadline) {
    if (period > 0) {
      const wait = next - Date.now();
      if (wait > 0) await sleep(wait);
      next += period;
    }
    const r = receipts[n++ % receipts.length];
    const res = await request('POST', '/status', `reference=${r.reference}&code=${r.code}`, agent);
    if (Date.now() < warmup) continue;
    if (res.status === 200 && res.text.includes('status-timeline')) {
      ok++;
      latencies.push(res.ms);
    } else {
      bad++;
    }
  }
  agent.destroy();
}
const started = Date.now();
await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
const measured = (Date.now() - Math.max(started, warmup - 0)) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : 0);

// Page weight: what a first visit transfers (form, look-up, stylesheet and script gzipped as browsers ask).
const agent = new https.Agent({ keepAlive: true });
const r0 = receipts[0];
const gz = { 'accept-encoding': 'gzip' };
const form = await request('GET', '/status', null, agent, gz);
const result = await request('POST', '/status', `reference=${r0.reference}&code=${r0.code}`, agent, gz);
const css = await request('GET', '/static/dkfds/css/dkfds.min.css', null, agent, gz);
const own = await request('GET', '/static/status.css', null, agent, gz);
const js = await request('GET', '/static/status.js', null, agent, gz);
agent.destroy();
console.log(JSON.stringify({
  clients, rate, seconds: measured, lookups: ok, failed: bad, perSecond: ok / measured,
  p50: pct(50), p90: pct(90), p99: pct(99), max: latencies.at(-1) || 0,
  weight: { form: form.bytes, result: result.bytes, dkfdsCss: css.bytes, statusCss: own.bytes, statusJs: js.bytes,
    total: form.bytes + result.bytes + css.bytes + own.bytes + js.bytes },
}));
