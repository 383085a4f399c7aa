// Makes the local PostgreSQL available to test projects that need it (the outbox): reuses a running
// server (or HERALD_PG_URL), starts one when missing, and stops at the end only what it started.
import type { TestProject } from 'vitest/node';
import { ensurePostgres } from '../scripts/postgres/postgres.mjs';
import type {} from './postgres.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await ensurePostgres();
  project.provide('postgres', { url: server.url, external: server.external });
  return async () => {
    await server.stop();
  };
}
