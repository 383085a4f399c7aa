// server.properties per mode (single | cluster | sasl | fault | chaos | tls), always bound/advertised on 127.0.0.1.
import path from 'node:path';
import { TLS_LISTENERS, tlsListenerProperties } from './tls.mjs';

export const MODES = /** @type {const} */ (['single', 'cluster', 'sasl', 'fault', 'chaos', 'tls']);

/** Modes with three nodes, RF 3 and min.insync.replicas 2. `chaos` is the one fault scenarios may break. */
const THREE_NODES = ['cluster', 'chaos'];

/** SCRAM-SHA-512 users created at format time in sasl mode. `admin` is a super user. */
export const SASL_USERS = Object.freeze({ admin: 'admin-secret', alice: 'alice-secret', bob: 'bob-secret' });

/**
 * ACLs added in sasl mode (through the PLAINTEXT admin port, principal ANONYMOUS = super user).
 * alice: topics with prefix `allowed` (so `allowed`, `allowed-<test>`), all groups (Read) to consume.
 * bob: Write/Describe on `bob-scratch` only, so an idempotent producer gets past InitProducerId and
 * then fails cleanly with TOPIC_AUTHORIZATION_FAILED on other topics.
 */
export const SASL_ACLS = Object.freeze([
  [
    '--allow-principal',
    'User:alice',
    '--operation',
    'Write',
    '--operation',
    'Describe',
    '--operation',
    'Create',
    '--operation',
    'Read',
    '--resource-pattern-type',
    'prefixed',
    '--topic',
    'allowed',
  ],
  ['--allow-principal', 'User:alice', '--operation', 'Read', '--operation', 'Describe', '--group', '*'],
  ['--allow-principal', 'User:bob', '--operation', 'Write', '--operation', 'Describe', '--topic', 'bob-scratch'],
]);

/** Topics pre-created in sasl mode (bob has no Create ACL, so `bob-scratch` must exist for his Write to work). */
export const SASL_TOPICS = Object.freeze(['allowed', 'bob-scratch']);

/**
 * @typedef {{ id: number, port: number, controllerPort: number, saslPort?: number, tlsPorts?: Record<string, number> }} NodePorts
 */

/**
 * Ports per mode. single: 9092/9093. cluster: N9092/N9093 for N = 1..3. sasl: 9192 PLAINTEXT (admin,
 * ANONYMOUS super user), 9193 controller, 9194 SASL_PLAINTEXT — distinct from single so both can run.
 * fault: 9292/9293, a single node reserved for fault-injection tests. chaos: N9392/N9393 for N = 1..3,
 * a second 3-node cluster that the chaos catalogue kills, pauses and reassigns (never the shared one).
 * tls: 9492 PLAINTEXT (admin), 9493 controller, then one port per TLS listener (tls.mjs).
 * @param {import('./kafka.mjs').Mode} mode
 * @returns {NodePorts[]}
 */
export function nodePorts(mode) {
  if (mode === 'single') return [{ id: 1, port: 9092, controllerPort: 9093 }];
  // A second single node for tests that kill, pause or restart their broker, apart from the shared one.
  if (mode === 'fault') return [{ id: 1, port: 9292, controllerPort: 9293 }];
  if (mode === 'cluster')
    return [1, 2, 3].map((id) => ({ id, port: id * 10000 + 9092, controllerPort: id * 10000 + 9093 }));
  if (mode === 'sasl') return [{ id: 1, port: 9192, controllerPort: 9193, saslPort: 9194 }];
  if (mode === 'chaos')
    return [1, 2, 3].map((id) => ({ id, port: id * 10000 + 9392, controllerPort: id * 10000 + 9393 }));
  if (mode === 'tls')
    return [
      {
        id: 1,
        port: 9492,
        controllerPort: 9493,
        tlsPorts: Object.fromEntries(TLS_LISTENERS.map((l) => [l.name, l.port])),
      },
    ];
  throw new Error(`unknown mode "${String(mode)}"; use one of: ${MODES.join(', ')}`);
}

/**
 * Broker properties for one node as an ordered key → value map (overrides win).
 * @param {import('./kafka.mjs').Mode} mode
 * @param {NodePorts} node
 * @param {string} logDir  Kafka data (log.dirs) folder for this node
 * @param {Record<string, string|number|boolean>} [overrides]
 * @returns {Record<string, string>}
 */
export function brokerProperties(mode, node, logDir, overrides = {}) {
  const all = nodePorts(mode);
  const rf = THREE_NODES.includes(mode) ? 3 : 1;
  const isr = THREE_NODES.includes(mode) ? 2 : 1;
  /** @type {Record<string, string|number|boolean>} */
  const p = {
    'process.roles': 'broker,controller',
    'node.id': node.id,
    'controller.quorum.voters': all.map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`).join(','),
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': logDir,
    'num.partitions': 1,
    'default.replication.factor': rf,
    'min.insync.replicas': isr,
    'offsets.topic.replication.factor': rf,
    'offsets.topic.num.partitions': 3,
    'transaction.state.log.replication.factor': rf,
    'transaction.state.log.min.isr': isr,
    'transaction.state.log.num.partitions': 3,
    'share.coordinator.state.topic.replication.factor': rf,
    'share.coordinator.state.topic.min.isr': isr,
    'group.initial.rebalance.delay.ms': 0,
    'auto.create.topics.enable': true,
    'num.network.threads': 2,
    'num.io.threads': 4,
    'num.recovery.threads.per.data.dir': 1,
    listeners: `PLAINTEXT://127.0.0.1:${node.port},CONTROLLER://127.0.0.1:${node.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${node.port}`,
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
  };
  if (THREE_NODES.includes(mode)) {
    // Faster failure detection for kill tests (defaults 2000 / 9000 ms).
    p['broker.heartbeat.interval.ms'] = 1000;
    p['broker.session.timeout.ms'] = 6000;
  }
  if (mode === 'sasl') {
    p.listeners = `PLAINTEXT://127.0.0.1:${node.port},SASL_PLAINTEXT://127.0.0.1:${node.saslPort},CONTROLLER://127.0.0.1:${node.controllerPort}`;
    p['advertised.listeners'] = `PLAINTEXT://127.0.0.1:${node.port},SASL_PLAINTEXT://127.0.0.1:${node.saslPort}`;
    p['listener.security.protocol.map'] = 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT';
    p['sasl.enabled.mechanisms'] = 'SCRAM-SHA-512';
    p['listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config'] =
      'org.apache.kafka.common.security.scram.ScramLoginModule required;';
    p['authorizer.class.name'] = 'org.apache.kafka.metadata.authorizer.StandardAuthorizer';
    // ANONYMOUS = the broker itself over PLAINTEXT + CONTROLLER; it must be super (so 9192 is an admin port).
    p['super.users'] = 'User:ANONYMOUS;User:admin';
    p['allow.everyone.if.no.acl.found'] = false;
  }
  if (mode === 'tls') {
    // TLS material lives beside the node folders (<data>/tls), generated by tls.mjs before this runs.
    Object.assign(p, tlsListenerProperties(node, path.join(path.dirname(logDir), 'tls')));
    p['sasl.enabled.mechanisms'] = 'SCRAM-SHA-512';
  }
  Object.assign(p, overrides);
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]));
}

/** @param {Record<string,string>} props */
export function renderProperties(props) {
  // Backslashes must be escaped in .properties files; nothing else we emit needs escaping.
  const lines = Object.entries(props).map(([k, v]) => `${k}=${v.replaceAll('\\', '\\\\')}`);
  return `# generated by scripts/kafka/config.mjs\n${lines.join('\n')}\n`;
}

/** `--add-scram` arguments for StorageTool format in sasl mode. */
export function scramFormatArgs() {
  return Object.entries(SASL_USERS).flatMap(([name, pw]) => [
    '--add-scram',
    `SCRAM-SHA-512=[name=${name},password=${pw}]`,
  ]);
}

/** JVM heap per node (MiB). @param {import('./kafka.mjs').Mode} mode */
export function heapMb(mode) {
  return THREE_NODES.includes(mode) ? 384 : 512;
}
