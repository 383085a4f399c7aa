// The relay's options are checked when it is created, before anything connects.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { InvalidOptionsError } from '@herald/errors';
import { createOutboxRelay, createRelayPublisher } from '../../src/index.js';

const publisher = createRelayPublisher({ brokers: '127.0.0.1:9' });

function failure(options: Parameters<typeof createOutboxRelay>[0]): InvalidOptionsError {
  try {
    createOutboxRelay(options);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOptionsError);
    return error as InvalidOptionsError;
  }
  throw new Error('createOutboxRelay accepted the options');
}

describe('createOutboxRelay options', () => {
  it("rejects a pool in pg's pipeline mode, whose connections refuse the relay's COPY read", async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://127.0.0.1:9/none', pipeline: true });
    const error = failure({ pool, publisher });
    expect(error.message).toMatch(/pipeline mode/);
    await pool.end();
  });

  it('accepts a plain pool, and rejects what is not a pool or a maxInFlight below the batch size', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://127.0.0.1:9/none' });
    expect(createOutboxRelay({ pool, publisher }).role).toBe('idle');
    expect(failure({ pool: {} as pg.Pool, publisher }).message).toMatch(/pg Pool/);
    expect(failure({ pool, publisher, batchSize: 500, maxInFlight: 100 }).message).toMatch(/maxInFlight/);
    await pool.end();
  });
});
