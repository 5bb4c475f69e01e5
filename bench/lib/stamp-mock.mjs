// Timestamping SSE mock upstream. Every content event carries the moment it was written, as
// "[t=<CLOCK_MONOTONIC ns>]" in its text, so a client on the same machine measures how long each
// upstream event took to reach it (through a gateway, or directly) without any clock alignment:
// process.hrtime is CLOCK_MONOTONIC, shared by all processes of one host.
//
//   node stamp-mock.mjs          env: STAMP_PORT (9003) PACE_MS (5) SLOW_PACE_MS (1300) EVENTS (20)
//   A request body containing the marker BENCH_SLOW is answered at SLOW_PACE_MS (20 events 1.3 s
//   apart: a ~30 s stream), any other at PACE_MS.
//   POST /v1/chat/completions  -> OpenAI chat.completion.chunk SSE (role, EVENTS content chunks,
//                                 finish_reason "stop", usage chunk, [DONE])
//   POST /v1/messages          -> Anthropic SSE (message_start, content_block_start, EVENTS text
//                                 deltas, content_block_stop, message_delta, message_stop)
//   GET  /stats                -> {"open":..,"maxOpen":..,"started":..,"completed":..,"aborted":..}
//   POST /stats/reset          -> zeroes the counters
// One event per pace (the first after one pace), each written with its own write(): the
// gateway sees them as separate TCP segments, as from a real model. Always streams (the clients
// of this mock always ask for a stream). Binds 127.0.0.1 only.
import http from 'node:http';

const port = +(process.env.STAMP_PORT || 9003);
const fastPace = +(process.env.PACE_MS || 5);
const slowPace = +(process.env.SLOW_PACE_MS || 1300);
const events = +(process.env.EVENTS || 20);
const stats = { open: 0, maxOpen: 0, started: 0, completed: 0, aborted: 0 };
const now = () => process.hrtime.bigint().toString();
const sse = (name, obj) => (name ? `event: ${name}\n` : '') + `data: ${JSON.stringify(obj)}\n\n`;

function openaiEvents() {
  const base = { id: 'chatcmpl-stamp', object: 'chat.completion.chunk', created: 1700000000, model: 'gpt-stamp' };
  const list = [];
  for (let i = 0; i < events; i++) {
    list.push(() => sse(null, { ...base, choices: [{ index: 0, delta: i === 0 ? { role: 'assistant', content: `[t=${now()}]` } : { content: `[t=${now()}]` }, logprobs: null, finish_reason: null }] }));
  }
  list.push(() => sse(null, { ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] }));
  list.push(() => sse(null, { ...base, choices: [], usage: { prompt_tokens: 250, completion_tokens: events, total_tokens: 250 + events } }) + 'data: [DONE]\n\n');
  return list;
}

function anthropicEvents() {
  const list = [
    () => sse('message_start', { type: 'message_start', message: { id: 'msg_stamp', type: 'message', role: 'assistant', model: 'claude-stamp', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 250, output_tokens: 1 } } }),
    () => sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
  ];
  for (let i = 0; i < events; i++) {
    list.push(() => sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: `[t=${now()}]` } }));
  }
  list.push(() => sse('content_block_stop', { type: 'content_block_stop', index: 0 }));
  list.push(() => sse('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: events } }));
  list.push(() => sse('message_stop', { type: 'message_stop' }));
  return list;
}

const server = http.createServer((req, res) => {
  if (req.url.startsWith('/stats')) {
    if (req.method === 'POST') Object.assign(stats, { open: stats.open, maxOpen: stats.open, started: 0, completed: 0, aborted: 0 });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(stats));
    req.resume();
    return;
  }
  const anthropic = /messages/.test(req.url);
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    const pace = Buffer.concat(chunks).includes('BENCH_SLOW') ? slowPace : fastPace;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': 'req_stamp' });
    res.flushHeaders();
    stats.started++; stats.open++; stats.maxOpen = Math.max(stats.maxOpen, stats.open);
    const list = anthropic ? anthropicEvents() : openaiEvents();
    let i = 0, timer = null, done = false;
    const finish = ok => { if (done) return; done = true; clearTimeout(timer); stats.open--; ok ? stats.completed++ : stats.aborted++; };
    res.on('close', () => finish(i >= list.length));
    const tick = () => {
      if (res.destroyed) return finish(false);
      res.write(list[i++]());
      if (i < list.length) timer = setTimeout(tick, pace); else { res.end(); finish(true); }
    };
    timer = setTimeout(tick, pace);
  });
});
server.keepAliveTimeout = 120000;
server.headersTimeout = 130000;
server.requestTimeout = 0;
server.maxConnections = 20000;
server.listen(port, '127.0.0.1', () => console.log(`stamp mock on 127.0.0.1:${port}, ${events} events, ${fastPace} ms apart (${slowPace} ms with BENCH_SLOW)`));
