// TLS material and listeners of the `tls` mode: a test CA, a broker certificate for 127.0.0.1, and
// three deliberately broken ones (expired, wrong host name, signed by a CA clients do not trust),
// generated with openssl (and the JDK's keytool for the back-dated one) at every start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { run } from './process.mjs';

/**
 * The TLS listeners of the tls node. `ssl` and `sasl_ssl` present the good certificate; `expired`
 * and `wronghost` present a certificate a verifying client must refuse (same CA, so only the one
 * defect differs). The wrong-CA case is on the client side: it trusts `other-ca.crt`.
 */
export const TLS_LISTENERS = Object.freeze([
  { name: 'SSL', port: 9494, protocol: 'SSL', keystore: 'broker.p12' },
  { name: 'SASL_SSL', port: 9495, protocol: 'SASL_SSL', keystore: 'broker.p12' },
  { name: 'EXPIRED', port: 9496, protocol: 'SSL', keystore: 'expired.p12' },
  { name: 'WRONGHOST', port: 9497, protocol: 'SSL', keystore: 'wronghost.p12' },
]);

const PASSWORD_FILE = 'keystore-password';

/** @param {string} cmd @param {string[]} args @param {string} cwd */
async function must(cmd, args, cwd) {
  const res = await run(cmd, args, { timeoutMs: 60_000, cwd });
  if (res.code !== 0)
    throw new Error(
      `${cmd} ${args[0]} failed (code ${res.code}): ${res.stderr.trim().split('\n').slice(-5).join('\n')}`,
    );
}

/**
 * Writes the CA, the other CA and the broker keystores into `dir` (wiped first). Keystores are
 * PKCS12 with a random password kept in `dir/keystore-password`, which only the broker reads.
 * @param {string} dir
 * Also a client certificate with an encrypted key, for tests that check key material stays out of logs.
 * @returns {Promise<{ caFile: string, otherCaFile: string, clientCertFile: string, clientKeyFile: string, clientKeyPassword: string }>}
 */
export async function createTlsMaterial(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(path.join(dir, PASSWORD_FILE), password, { mode: 0o600 });
  const pass = `pass:${password}`;
  for (const [name, cn] of [
    ['ca', 'Herald test CA'],
    ['other-ca', 'Some other CA'],
  ]) {
    await must(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.crt`,
        '-days',
        '30',
        '-subj',
        `/CN=${cn}`,
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ],
      dir,
    );
  }
  /** @param {string} name @param {string} san */
  const request = async (name, san) => {
    await must(
      'openssl',
      ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`],
      dir,
    );
    fs.writeFileSync(path.join(dir, `${name}.ext`), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\n`);
  };
  /** @param {string} name */
  const keystore = (name) =>
    must(
      'openssl',
      [
        'pkcs12',
        '-export',
        '-in',
        `${name}.crt`,
        '-inkey',
        `${name}.key`,
        '-certfile',
        'ca.crt',
        '-name',
        name,
        '-out',
        `${name}.p12`,
        '-passout',
        pass,
      ],
      dir,
    );

  /** @type {Array<[string, string]>} */
  const signed = [
    ['broker', 'IP:127.0.0.1'],
    ['wronghost', 'DNS:wrong-host.herald.invalid'],
  ];
  for (const [name, san] of signed) {
    await request(name, san);
    await must(
      'openssl',
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '30',
        '-extfile',
        `${name}.ext`,
        '-out',
        `${name}.crt`,
      ],
      dir,
    );
    await keystore(name);
  }
  // openssl 3.0's x509 cannot back-date a certificate; keytool -gencert can (-startdate).
  await request('expired', 'IP:127.0.0.1');
  await must(
    'openssl',
    ['pkcs12', '-export', '-in', 'ca.crt', '-inkey', 'ca.key', '-name', 'ca', '-out', 'ca.p12', '-passout', pass],
    dir,
  );
  await must(
    'keytool',
    [
      '-gencert',
      '-keystore',
      'ca.p12',
      '-storetype',
      'PKCS12',
      '-storepass',
      password,
      '-alias',
      'ca',
      '-infile',
      'expired.csr',
      '-outfile',
      'expired.crt',
      '-rfc',
      '-startdate',
      '-30d',
      '-validity',
      '2',
      '-ext',
      'SAN=ip:127.0.0.1',
    ],
    dir,
  );
  await keystore('expired');
  const clientKeyPassword = `client-key-${crypto.randomBytes(9).toString('base64url')}`;
  await request('client', 'DNS:herald-client');
  await must(
    'openssl',
    [
      'x509',
      '-req',
      '-in',
      'client.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '30',
      '-out',
      'client.crt',
    ],
    dir,
  );
  await must(
    'openssl',
    [
      'pkcs8',
      '-topk8',
      '-in',
      'client.key',
      '-out',
      'client.enc.key',
      '-v2',
      'aes-256-cbc',
      '-passout',
      `pass:${clientKeyPassword}`,
    ],
    dir,
  );
  for (const f of fs.readdirSync(dir))
    if (/\.(csr|ext|srl)$/.test(f) || f === 'client.key') fs.rmSync(path.join(dir, f));
  return {
    caFile: path.join(dir, 'ca.crt'),
    otherCaFile: path.join(dir, 'other-ca.crt'),
    clientCertFile: path.join(dir, 'client.crt'),
    clientKeyFile: path.join(dir, 'client.enc.key'),
    clientKeyPassword,
  };
}

/**
 * Listener properties of the tls node: PLAINTEXT (admin, inter-broker), the TLS listeners above,
 * each with its own keystore, SCRAM on SASL_SSL.
 * @param {import('./config.mjs').NodePorts} node
 * @param {string} dir  folder written by {@link createTlsMaterial}
 * @returns {Record<string, string>}
 */
export function tlsListenerProperties(node, dir) {
  const password = fs.readFileSync(path.join(dir, PASSWORD_FILE), 'utf8');
  /** @type {Record<string, string>} */
  const p = {
    listeners: [
      `PLAINTEXT://127.0.0.1:${node.port}`,
      ...TLS_LISTENERS.map((l) => `${l.name}://127.0.0.1:${l.port}`),
      `CONTROLLER://127.0.0.1:${node.controllerPort}`,
    ].join(','),
    'advertised.listeners': [
      `PLAINTEXT://127.0.0.1:${node.port}`,
      ...TLS_LISTENERS.map((l) => `${l.name}://127.0.0.1:${l.port}`),
    ].join(','),
    'listener.security.protocol.map': [
      'CONTROLLER:PLAINTEXT',
      'PLAINTEXT:PLAINTEXT',
      ...TLS_LISTENERS.map((l) => `${l.name}:${l.protocol}`),
    ].join(','),
  };
  for (const l of TLS_LISTENERS) {
    const prefix = `listener.name.${l.name.toLowerCase()}`;
    p[`${prefix}.ssl.keystore.type`] = 'PKCS12';
    p[`${prefix}.ssl.keystore.location`] = path.join(dir, l.keystore);
    p[`${prefix}.ssl.keystore.password`] = password;
    p[`${prefix}.ssl.key.password`] = password;
  }
  p['listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config'] =
    'org.apache.kafka.common.security.scram.ScramLoginModule required;';
  return p;
}
