// Stream client for the stamp mock (lib/stamp-mock.mjs): runs COUNT streaming requests, CONC at a
// time, and measures for every content event the time from the moment the mock wrote it to the
// moment this client parsed it ("event latency"; both sides read CLOCK_MONOTONIC), plus time to
// first event, stream duration, the largest gap between two events, and whether each stream was
// complete and well-formed. Bounded: DEADLINE_S after the start every open request is destroyed
// (and counted as failed), and no new request starts.
//
//   node streams.mjs URL PATH BODYFILE CONC COUNT KIND [DEADLINE_S] [EXPECT_EVENTS] [RAMP_MS]
//     KIND: anthropic (Anthropic SSE, through a gateway or the mock's /v1/messages)
//           openai    (OpenAI chunks straight from the mock's /v1/chat/completions)
//     RAMP_MS: spread the first CONC starts over this many ms (0 = all at once)
//   env BENCH_KEY (x-api-key and Bearer), PROGRESS=1 (a line every 5 s on stderr)
// Prints one line "BENCHJSON {...}" (times in ms).
import http from 'node:http';
import fs from 'node:fs';

const [url, path, bodyFile, concArg = '16', countArg = '200', kind = 'anthropic', deadlineArg = '120', expectArg = '20', rampArg = '0'] = process.argv.slice(2);
const conc = +concArg, count = +countArg, deadlineMs = +deadlineArg * 1000, expect = +expectArg, ramp = +rampArg;
const u = new URL(url), body = fs.readFileSync(bodyFile);
const key = process.env.BENCH_KEY || 'sk-bench';
const agent = new http.Agent({ keepAlive: true, maxSockets: conc, maxFreeSockets: conc });
const STAMP = /\[t=(\d+)\]/g;
const mono = () => process.hrtime.bigint();
const T0 = mono();
const lat = [], ttft = [], total = [], gaps = [];
const failures = {};
let started = 0, ok = 0, active = 0, maxActive = 0, stopping = false;
const open = new Set();
const fail = why => { failures[why] = (failures[why] || 0) + 1; };

function one() {
  return new Promise(resolve => {
    const t0 = mono(); let buf = '', first = null, last = null, maxGap = 0, stamps = 0, types = [], done = false, sawDone = false;
    active++; maxActive = Math.max(maxActive, active);
    const end = why => {
      if (done) return; done = true; active--; open.delete(req);
      if (!why) {
        if (kind === 'anthropic') {
          const t = types.filter(x => x !== 'ping');
          if (t[0] !== 'message_start') why = 'grammar: first event ' + t[0];
          else if (t.at(-1) !== 'message_stop') why = 'grammar: last event ' + t.at(-1);
          else if (t.at(-2) !== 'message_delta') why = 'grammar: no message_delta before message_stop';
          else if (t.includes('error')) why = 'error event';
        } else if (!sawDone) why = 'no [DONE]';
        if (!why && stamps !== expect) why = `events ${stamps} != ${expect}`;
      }
      if (why) fail(why);
      else { ok++; ttft.push(Number(first - t0) / 1e6); total.push(Number(mono() - t0) / 1e6); gaps.push(maxGap / 1e6); }
      resolve();
    };
    const req = http.request({ host: u.hostname, port: u.port, path, method: 'POST', agent, headers: {
      'content-type': 'application/json', 'content-length': body.length, 'anthropic-version': '2023-06-01',
      'x-api-key': key, authorization: 'Bearer ' + key } }, res => {
      if (res.statusCode !== 200) { res.resume(); res.on('end', () => end('HTTP ' + res.statusCode)); return; }
      res.setEncoding('utf8');
      res.on('data', d => {
        const now = mono();
        buf += d;
        let i;
        while ((i = buf.search(/\r?\n\r?\n/)) >= 0) {
          const ev = buf.slice(0, i); buf = buf.slice(i).replace(/^\r?\n\r?\n/, '');
          let name = null, data = '';
          for (const line of ev.split(/\r?\n/)) {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trimStart();
          }
          if (data === '[DONE]') { sawDone = true; continue; }
          if (kind === 'anthropic') {
            try { types.push(JSON.parse(data).type || name); } catch { types.push('unparseable'); }
          }
          STAMP.lastIndex = 0; let m;
          while ((m = STAMP.exec(data)) !== null) {
            stamps++;
            lat.push(Number(now - BigInt(m[1])) / 1e6);
            if (first === null) first = now;
            if (last !== null && now - last > maxGap) maxGap = Number(now - last);
            last = now;
          }
        }
      });
      res.on('end', () => end(null));
      res.on('error', () => end('response error'));
      res.on('aborted', () => end('aborted'));
    });
    req.setTimeout(60000, () => { req.destroy(); end('idle 60 s'); });
    req.on('error', e => end('socket: ' + (e.code || e.message)));
    open.add(req);
    req.end(body);
  });
}

async function worker(k) {
  if (ramp > 0) await new Promise(r => setTimeout(r, Math.floor(ramp * k / conc)));
  while (!stopping && started < count) { started++; await one(); }
}
const progress = process.env.PROGRESS === '1' ? setInterval(() =>
  process.stderr.write(`  t=${(Number(mono() - T0) / 1e9).toFixed(0)}s active=${active} ok=${ok} failed=${Object.values(failures).reduce((a, b) => a + b, 0)}\n`), 5000) : null;
const deadline = setTimeout(() => { stopping = true; for (const r of open) { r.destroy(); } }, deadlineMs);
await Promise.all(Array.from({ length: conc }, (_, k) => worker(k)));
clearTimeout(deadline); if (progress) clearInterval(progress);
agent.destroy();
const pct = (a, p) => { if (!a.length) return 0; const s = [...a].sort((x, y) => x - y); return +s[Math.min(s.length - 1, Math.floor(s.length * p / 100))].toFixed(3); };
const failed = Object.values(failures).reduce((a, b) => a + b, 0);
console.log('BENCHJSON ' + JSON.stringify({
  streams: started, ok, failed, failures, max_active: maxActive, wall_s: +(Number(mono() - T0) / 1e9).toFixed(2),
  events: lat.length, ev_lat_p50_ms: pct(lat, 50), ev_lat_p90_ms: pct(lat, 90), ev_lat_p99_ms: pct(lat, 99), ev_lat_p999_ms: pct(lat, 99.9), ev_lat_max_ms: pct(lat, 100),
  ttft_p50_ms: pct(ttft, 50), ttft_p99_ms: pct(ttft, 99), total_p50_ms: pct(total, 50), total_p99_ms: pct(total, 99), total_max_ms: pct(total, 100),
  max_gap_p50_ms: pct(gaps, 50), max_gap_max_ms: pct(gaps, 100) }));
