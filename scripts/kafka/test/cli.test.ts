// The local-Kafka scripts answer bad input with one clear line and a non-zero exit.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../kafka.mjs', import.meta.url));

function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

describe('kafka.mjs', () => {
  it('rejects an unknown command and an unknown mode', async () => {
    const command = await runCli(['frobnicate']);
    expect(command.code).not.toBe(0);
    expect(command.out).toMatch(/unknown command/i);
    const mode = await runCli(['start', 'galaxy']);
    expect(mode.code).not.toBe(0);
    expect(mode.out).toMatch(/unknown mode "galaxy"/);
  });

  it('names the port when a broker port is already taken', async () => {
    // Hold 9292 ourselves; when a running fault broker already holds it, the port is taken all the same.
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve() : reject(error)));
      server.listen(9292, '127.0.0.1', resolve);
    });
    try {
      const cache = mkdtempSync(join(tmpdir(), 'herald-kafka-'));
      const { code, out } = await runCli(['start', 'fault'], { ...process.env, HERALD_KAFKA_CACHE: cache });
      expect(code).not.toBe(0);
      expect(out).toMatch(/port 127\.0\.0\.1:9292 .* already in use/);
    } finally {
      if (server.listening) server.close();
    }
  });

  it('says Java is missing, and that Java 11 is too old', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'herald-kafka-'));
    const missing = await runCli(['fetch'], { PATH: '/nonexistent', HERALD_KAFKA_CACHE: cache });
    expect(missing.code).not.toBe(0);
    expect(missing.out).toMatch(/Java not found.*Java 17\+/);

    // A stand-in `java` that reports version 11, first on PATH.
    const bin = mkdtempSync(join(tmpdir(), 'herald-java11-'));
    writeFileSync(join(bin, 'java'), '#!/bin/sh\necho \'openjdk version "11.0.22" 2024-01-16\' >&2\n');
    chmodSync(join(bin, 'java'), 0o755);
    const old = await runCli(['fetch'], { PATH: `${bin}:/usr/bin:/bin`, HERALD_KAFKA_CACHE: cache });
    expect(old.code).not.toBe(0);
    expect(old.out).toMatch(/Java 11 found .* needs Java 17 or newer/);
  });

  it('says which node ids exist when asked for one that does not', async () => {
    const { code, out } = await runCli(['kill-node', '7', 'cluster']);
    expect(code).not.toBe(0);
    expect(out).toMatch(/node 7 does not exist; cluster nodes are 1, 2, 3/);
  });
});
