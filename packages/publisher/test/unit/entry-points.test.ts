// Optional parts live behind subpaths, and importing one never loads another's native code: run each
// entry point of the built package in a fresh Node process and list the shared objects it loaded.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const packageDir = new URL('../..', import.meta.url);

/** The native Kafka addons loaded after running `script` (an ES module) in a fresh process. */
function nativeAddonsAfter(script: string): string[] {
  const probe = `${script}\nconst objects = process.report.getReport().sharedObjects;\nconsole.log(JSON.stringify(objects.filter((o) => /kafka|rdkafka/.test(o))));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
    cwd: packageDir,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as string[];
}

describe('entry points', () => {
  it('@herald/publisher/testing publishes without loading the native client', () => {
    const addons = nativeAddonsAfter(`
      import { InMemoryPublisher } from '@herald/publisher/testing';
      const publisher = new InMemoryPublisher({ topic: 'orders' });
      await publisher.publish({ id: 1 });
      if (publisher.published.length !== 1) throw new Error('not published');
      await publisher.close();`);
    expect(addons).toEqual([]);
  });

  it('@herald/publisher creates a publisher without loading the native client until it connects', () => {
    const addons = nativeAddonsAfter(`
      import { createPublisher } from '@herald/publisher';
      createPublisher({ brokers: '127.0.0.1:9', topic: 't', codec: { encode: () => Buffer.alloc(0) } });`);
    expect(addons).toEqual([]);
  });

  it('@herald/publisher/transports/rdkafka loads it (the probe can see an addon)', () => {
    const addons = nativeAddonsAfter(`import { createRdkafkaTransport } from '@herald/publisher/transports/rdkafka';
      if (typeof createRdkafkaTransport !== 'function') throw new Error('missing');`);
    expect(addons.some((o) => o.endsWith('.node'))).toBe(true);
  });
});
