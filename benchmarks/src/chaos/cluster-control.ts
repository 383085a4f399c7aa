import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafka from '@confluentinc/kafka-javascript';
import { kafkaStatus, killNode, pauseNode, restartNodes, resumeNode, runTool } from '@herald/local-kafka';
import type { Mode } from '@herald/local-kafka';

const { KafkaJS } = kafka;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Faults and admin operations on one local Kafka of `scripts/kafka` (the `chaos` cluster or the
 * `fault` node): which node leads what, kill / bounce / pause nodes, elect and reassign through
 * Kafka's own admin tools, and put everything back afterwards.
 */
export class ClusterControl {
  readonly mode: Mode;
  readonly bootstrap: string;
  readonly nodeIds: readonly number[];

  constructor(mode: Mode, bootstrap: string, nodeIds: readonly number[]) {
    this.mode = mode;
    this.bootstrap = bootstrap;
    this.nodeIds = nodeIds;
  }

  /** Partition → leader id (−1 without one) of `topic`, through the nodes that still answer. */
  async leaders(topic: string): Promise<Map<number, number>> {
    const admin = new KafkaJS.Kafka({
      kafkaJS: { brokers: this.bootstrap.split(','), logLevel: KafkaJS.logLevel.NOTHING },
    }).admin();
    await admin.connect();
    try {
      const [meta] = await admin.fetchTopicMetadata({ topics: [topic] });
      return new Map((meta?.partitions ?? []).map((p) => [p.partitionId, p.leader]));
    } finally {
      await admin.disconnect();
    }
  }

  /** The node leading the most partitions of `topic` (the one a bounce hurts most). */
  async busiestLeader(topic: string): Promise<number> {
    const counts = new Map<number, number>();
    for (const leader of (await this.leaders(topic)).values())
      if (leader >= 0) counts.set(leader, (counts.get(leader) ?? 0) + 1);
    const [best] = [...counts].sort((a, b) => b[1] - a[1]);
    if (best === undefined) throw new Error(`no partition of ${topic} has a leader`);
    return best[0];
  }

  /** SIGKILL (hard) or SIGTERM (clean, controlled shutdown); returns when the process is gone. */
  async kill(id: number, how: 'SIGKILL' | 'SIGTERM' = 'SIGKILL'): Promise<void> {
    await killNode(this.mode, id, how);
  }

  /** Starts nodes again with their recorded command line; returns when every running node lists them. */
  async restart(...ids: number[]): Promise<void> {
    await restartNodes(this.mode, ids, { log: false });
  }

  async pause(id: number): Promise<void> {
    await pauseNode(this.mode, id);
  }

  async resume(id: number): Promise<void> {
    await resumeNode(this.mode, id);
  }

  /** Resumes paused nodes and restarts dead ones, so the next scenario starts from a whole cluster. */
  async heal(): Promise<void> {
    const state = (await kafkaStatus()).find((s) => s.mode === this.mode);
    if (state === undefined) throw new Error(`the ${this.mode} broker is not running`);
    for (const node of state.nodes) if (node.paused) await this.resume(node.id);
    const dead = state.nodes.filter((n) => !n.alive).map((n) => n.id);
    if (dead.length > 0) await this.restart(...dead);
  }

  /** `kafka-leader-election --election-type PREFERRED` for every partition of `topic`. */
  async electPreferredLeaders(topic: string): Promise<void> {
    const partitions = [...(await this.leaders(topic)).keys()];
    await this.#withJsonFile({ partitions: partitions.map((partition) => ({ topic, partition })) }, async (file) => {
      const res = await runTool(
        'org.apache.kafka.tools.LeaderElectionCommand',
        ['--bootstrap-server', this.bootstrap, '--election-type', 'PREFERRED', '--path-to-json-file', file],
        { allowFailure: true },
      );
      // "Valid replica already elected" (nothing to move) exits non-zero but is not a failure.
      if (res.code !== 0 && !/already elected|Successfully completed/i.test(`${res.stdout}${res.stderr}`)) {
        const why = `${res.stderr}\n${res.stdout}`.split('\n').filter((l) => l.trim() !== '' && !/^\s+at /.test(l));
        throw new Error(`leader election failed: ${why.slice(-3).join(' | ')}`);
      }
    });
  }

  async #withJsonFile<R>(content: unknown, fn: (file: string) => Promise<R>): Promise<R> {
    const dir = mkdtempSync(join(tmpdir(), 'herald-chaos-'));
    try {
      const file = join(dir, 'plan.json');
      writeFileSync(file, JSON.stringify(content));
      return await fn(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /**
   * `kafka-reassign-partitions --execute` to the given replica lists, then `--verify` until done
   * (data moves when a replica is added; no throttle is set).
   */
  async reassign(topic: string, replicas: ReadonlyMap<number, readonly number[]>, timeoutMs = 60_000): Promise<void> {
    const plan = {
      version: 1,
      partitions: [...replicas].map(([partition, ids]) => ({ topic, partition, replicas: [...ids] })),
    };
    await this.#withJsonFile(plan, async (file) => {
      await runTool('org.apache.kafka.tools.reassign.ReassignPartitionsCommand', [
        '--bootstrap-server',
        this.bootstrap,
        '--reassignment-json-file',
        file,
        '--execute',
      ]);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const res = await runTool(
          'org.apache.kafka.tools.reassign.ReassignPartitionsCommand',
          ['--bootstrap-server', this.bootstrap, '--reassignment-json-file', file, '--verify'],
          { allowFailure: true },
        );
        if (!/still in progress/i.test(res.stdout) && res.code === 0) return;
        if (Date.now() > deadline)
          throw new Error(`reassignment of ${topic} not done after ${timeoutMs} ms:\n${res.stdout.trim()}`);
        await sleep(1_000);
      }
    });
  }
}
