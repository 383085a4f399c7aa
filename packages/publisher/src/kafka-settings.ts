import { InvalidOptionsError } from '@herald/errors';
/** SASL credentials for a `sasl_plaintext` or `sasl_ssl` connection. */
export interface SaslSettings {
  readonly mechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
  readonly username: string;
  readonly password: string;
}

/** TLS material, as PEM strings or file paths. */
export interface SslSettings {
  readonly caLocation?: string;
  readonly caPem?: string;
  readonly certificatePem?: string;
  readonly keyPem?: string;
  readonly keyPassword?: string;
}

/**
 * Typed producer settings. Each maps to one librdkafka property (named in the TSDoc) and wins over
 * the preset; `rdkafka` in the publisher options wins over these.
 */
export interface KafkaSettings {
  /** `acks`. @defaultValue 'all' (every preset) */
  readonly acks?: 'all' | 0 | 1;
  /** `enable.idempotence`. @defaultValue true */
  readonly idempotence?: boolean;
  /** `compression.type`. @defaultValue preset: snappy or lz4 */
  readonly compression?: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
  /** `linger.ms`: how long to wait to fill a batch. @defaultValue preset: 5, 0 or 100 */
  readonly lingerMs?: number;
  /** `batch.size` in bytes. @defaultValue librdkafka's 1000000, or the preset's */
  readonly batchSize?: number;
  /** `message.timeout.ms`: after this a message settles as a delivery timeout. @defaultValue 120000 */
  readonly messageTimeoutMs?: number;
  /** `message.max.bytes`: larger records fail at once with MESSAGE_TOO_LARGE. @defaultValue 1000000 */
  readonly messageMaxBytes?: number;
  /** `request.timeout.ms`. @defaultValue 30000 */
  readonly requestTimeoutMs?: number;
  /** `max.in.flight.requests.per.connection` (at most 5 with idempotence). @defaultValue 5 */
  readonly maxInFlightRequestsPerConnection?: number;
  /** `statistics.interval.ms`; 0 turns statistics off. @defaultValue 0 */
  readonly statisticsIntervalMs?: number;
  /** `security.protocol`. @defaultValue 'plaintext' */
  readonly securityProtocol?: 'plaintext' | 'ssl' | 'sasl_plaintext' | 'sasl_ssl';
  /** `sasl.mechanism`, `sasl.username`, `sasl.password`. */
  readonly sasl?: SaslSettings;
  /** `ssl.ca.location`, `ssl.ca.pem`, `ssl.certificate.pem`, `ssl.key.pem`, `ssl.key.password`. */
  readonly ssl?: SslSettings;
}

type Setter = (out: Record<string, string | number | boolean>, value: never) => void;

const setters: Readonly<Record<keyof KafkaSettings, Setter>> = {
  acks: (o, v: 'all' | 0 | 1) => (o['acks'] = v),
  idempotence: (o, v: boolean) => (o['enable.idempotence'] = v),
  compression: (o, v: string) => (o['compression.type'] = v),
  lingerMs: (o, v: number) => (o['linger.ms'] = v),
  batchSize: (o, v: number) => (o['batch.size'] = v),
  messageTimeoutMs: (o, v: number) => (o['message.timeout.ms'] = v),
  messageMaxBytes: (o, v: number) => (o['message.max.bytes'] = v),
  requestTimeoutMs: (o, v: number) => (o['request.timeout.ms'] = v),
  maxInFlightRequestsPerConnection: (o, v: number) => (o['max.in.flight.requests.per.connection'] = v),
  statisticsIntervalMs: (o, v: number) => (o['statistics.interval.ms'] = v),
  securityProtocol: (o, v: string) => (o['security.protocol'] = v),
  sasl: (o, v: SaslSettings) => {
    o['sasl.mechanism'] = v.mechanism;
    o['sasl.username'] = v.username;
    o['sasl.password'] = v.password;
  },
  ssl: (o, v: SslSettings) => {
    if (v.caLocation !== undefined) o['ssl.ca.location'] = v.caLocation;
    if (v.caPem !== undefined) o['ssl.ca.pem'] = v.caPem;
    if (v.certificatePem !== undefined) o['ssl.certificate.pem'] = v.certificatePem;
    if (v.keyPem !== undefined) o['ssl.key.pem'] = v.keyPem;
    if (v.keyPassword !== undefined) o['ssl.key.password'] = v.keyPassword;
  },
};

/** The librdkafka properties that `settings` stands for. */
export function kafkaSettingsToRdkafka(settings: KafkaSettings): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    const set = setters[name as keyof KafkaSettings] as Setter | undefined;
    if (set === undefined) throw new InvalidOptionsError(`kafka.${name}`, `unknown Kafka setting "${name}"`);
    set(out, value as never);
  }
  return out;
}

const secretProperty = /password|secret|\.pem$|^ssl\.key|sasl\.jaas|oauthbearer\.config|^ssl_key/i;

/** A copy of a librdkafka config safe to log: secrets become `[redacted]`. */
export function redactConfig(config: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(config)) out[name] = secretProperty.test(name) ? '[redacted]' : value;
  return out;
}
