// Readiness: TCP accept + a Kafka-level check (a Metadata v4 request, spoken with node:net, listing
// the registered, unfenced brokers). No JVM per poll, so it is cheap enough for ensureKafka reuse checks.
import net from 'node:net';
import { sleep } from './process.mjs';

/** Resolves true if 127.0.0.1:port accepts a TCP connection within timeoutMs. @param {number} port */
export function tcpOpen(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    const done = (/** @type {boolean} */ ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/**
 * Sends Metadata v4 (no topics) to 127.0.0.1:port and returns the brokers and controller it reports.
 * @param {number} port
 * @param {number} [timeoutMs]
 * @returns {Promise<{ clusterId: string|null, controllerId: number, brokers: { id: number, host: string, port: number }[] }>}
 */
export function metadata(port, timeoutMs = 3000) {
  const clientId = Buffer.from('herald-kafka-ready');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4 + 1);
  let o = 0;
  o = body.writeInt16BE(3, o); // api key: Metadata
  o = body.writeInt16BE(4, o); // version 4 (v0-v3 were removed in Kafka 4.0)
  o = body.writeInt32BE(1, o); // correlation id
  o = body.writeInt16BE(clientId.length, o);
  o += clientId.copy(body, o);
  o = body.writeInt32BE(0, o); // topics: empty array = none
  body.writeInt8(0, o); // allow_auto_topic_creation
  const frame = Buffer.concat([Buffer.alloc(4), body]);
  frame.writeInt32BE(body.length, 0);

  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    let buf = Buffer.alloc(0);
    const fail = (/** @type {Error} */ e) => {
      sock.destroy();
      reject(e);
    };
    sock.setTimeout(timeoutMs, () => fail(new Error(`metadata request to 127.0.0.1:${port} timed out`)));
    sock.once('error', fail);
    sock.once('close', () => reject(new Error(`127.0.0.1:${port} closed the connection`)));
    sock.once('connect', () => sock.write(frame));
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length < 4 || buf.length < 4 + buf.readInt32BE(0)) return;
      try {
        let p = 4 + 4 + 4; // size, correlation id, throttle_time_ms
        const n = buf.readInt32BE(p);
        p += 4;
        const brokers = [];
        for (let i = 0; i < n; i++) {
          const id = buf.readInt32BE(p);
          p += 4;
          const hl = buf.readInt16BE(p);
          p += 2;
          const host = buf.toString('utf8', p, p + hl);
          p += hl;
          const bport = buf.readInt32BE(p);
          p += 4;
          const rl = buf.readInt16BE(p);
          p += 2;
          if (rl > 0) p += rl;
          brokers.push({ id, host, port: bport });
        }
        const cl = buf.readInt16BE(p);
        p += 2;
        const clusterId = cl >= 0 ? buf.toString('utf8', p, p + cl) : null;
        if (cl > 0) p += cl;
        const controllerId = buf.readInt32BE(p);
        sock.removeAllListeners('close');
        sock.destroy();
        resolve({ clusterId, controllerId, brokers: brokers.sort((a, b) => a.id - b.id) });
      } catch (e) {
        fail(/** @type {Error} */ (e));
      }
    });
  });
}

/**
 * True if every port answers Metadata listing all expectedIds (one quick attempt, no waiting).
 * @param {number[]} ports @param {number[]} expectedIds
 */
export async function isReady(ports, expectedIds) {
  try {
    const all = await Promise.all(ports.map((p) => metadata(p, 2000)));
    return all.every((m) => expectedIds.every((id) => m.brokers.some((b) => b.id === id)));
  } catch {
    return false;
  }
}

/**
 * Polls until each port accepts TCP and its Metadata lists all expectedIds.
 * `check()` is called every round and may throw (e.g. "node 2 exited early") to abort at once.
 * @param {{ ports: number[], extraPorts?: number[], expectedIds: number[], timeoutMs: number, check?: () => void }} opts
 */
export async function waitReady({ ports, extraPorts = [], expectedIds, timeoutMs, check = () => {} }) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no TCP connection yet';
  for (;;) {
    check();
    const closed = [];
    for (const p of [...ports, ...extraPorts]) if (!(await tcpOpen(p))) closed.push(p);
    if (closed.length) {
      last = `port(s) ${closed.join(', ')} not accepting connections`;
    } else {
      try {
        const seen = await Promise.all(ports.map((p) => metadata(p)));
        const missing = seen
          .map((m, i) => ({ port: ports[i], ids: expectedIds.filter((id) => !m.brokers.some((b) => b.id === id)) }))
          .filter((x) => x.ids.length);
        if (!missing.length) return;
        last = missing.map((x) => `127.0.0.1:${x.port} does not list broker(s) ${x.ids.join(', ')} yet`).join('; ');
      } catch (e) {
        last = /** @type {Error} */ (e).message;
      }
    }
    if (Date.now() > deadline) throw new Error(`not ready after ${Math.round(timeoutMs / 1000)} s: ${last}`);
    await sleep(250);
  }
}
