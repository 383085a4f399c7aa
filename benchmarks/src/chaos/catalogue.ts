// The reliability catalogue: every scenario `herald-bench chaos` can run, in table order. Timings
// assume the chaos cluster's broker.session.timeout.ms of 6 s and restarts of ~4-10 s on 2 cores.
import type { Scenario, ScenarioContext } from './scenario.js';

/** Kills the busiest leader `times` times (SIGTERM = controlled shutdown, SIGKILL = crash), restarting it each time. */
function bounceLeader(how: 'SIGTERM' | 'SIGKILL', times: number) {
  return async (ctx: ScenarioContext): Promise<void> => {
    await ctx.wait(3_000);
    for (let i = 1; i <= times; i++) {
      const leader = await ctx.control.busiestLeader(ctx.topic);
      ctx.log(`bounce ${i}/${times}: ${how} node ${leader}`);
      await ctx.control.kill(leader, how);
      ctx.mark(`node ${leader} down`);
      await ctx.wait(2_000);
      await ctx.control.restart(leader);
      ctx.mark(`node ${leader} back`);
      await ctx.wait(3_000);
    }
  };
}

/** Two of three nodes SIGKILLed for `downMs` (no ISR of 2, no controller quorum), then both back. */
function twoDown(downMs: number) {
  return async (ctx: ScenarioContext): Promise<void> => {
    await ctx.wait(5_000);
    const [a, b] = ctx.control.nodeIds.filter((id) => id !== 1);
    ctx.log(`SIGKILL nodes ${a} and ${b} for ${downMs / 1000} s`);
    await Promise.all([ctx.control.kill(a!), ctx.control.kill(b!)]);
    await ctx.wait(downMs);
    await ctx.control.restart(a!, b!);
    ctx.mark('quorum back');
  };
}

/** Pauses (SIGSTOP) the only node of the fault mode for `pauseMs`. */
function pauseSingle(pauseMs: number) {
  return async (ctx: ScenarioContext): Promise<void> => {
    await ctx.wait(5_000);
    ctx.log(`SIGSTOP node 1 for ${pauseMs / 1000} s`);
    await ctx.control.pause(1);
    await ctx.wait(pauseMs);
    await ctx.control.resume(1);
    ctx.mark('node 1 resumed');
  };
}

const ALL_ACKED = 'every event acked exactly once, in per-key order; nothing unsettled';

export const CATALOGUE: readonly Scenario[] = [
  {
    name: 'leader-clean-bounce',
    title: 'leader clean bounce ×5 (SIGTERM, restart)',
    mode: 'chaos',
    failureClass: 'clean restart',
    ci: false,
    guarantees: `${ALL_ACKED}, across five controlled shutdowns of the partition leader.`,
    limits: 'Leadership moves before the shutdown, so this is the gentle case; it says nothing about crashes.',
    allows: [],
    minDurationMs: 30_000,
    script: bounceLeader('SIGTERM', 5),
  },
  {
    name: 'leader-hard-bounce',
    title: 'leader hard bounce ×5 (SIGKILL, restart)',
    mode: 'chaos',
    failureClass: 'broker crash',
    ci: true,
    guarantees: `${ALL_ACKED}, across five crashes of the busiest leader: in-flight batches are retried by the idempotent producer without duplicates.`,
    limits:
      'A crash with a replica in the ISR to fail over to; the page cache of the killed JVM survives (a process kill, not a power cut).',
    allows: [],
    minDurationMs: 30_000,
    script: bounceLeader('SIGKILL', 5),
  },
  {
    name: 'broker-down-for-good',
    title: 'one broker down for good (SIGKILL)',
    mode: 'chaos',
    failureClass: 'lost replica',
    ci: false,
    guarantees: `${ALL_ACKED}, with the cluster at 2 of 3 nodes (ISR 2 = min.insync.replicas) for the rest of the run.`,
    limits: 'The node is restarted only after the run, to read back; a second loss would stop writes (next scenarios).',
    allows: [],
    minDurationMs: 30_000,
    script: async (ctx) => {
      await ctx.wait(5_000);
      const leader = await ctx.control.busiestLeader(ctx.topic);
      ctx.log(`SIGKILL node ${leader}, not restarted`);
      await ctx.control.kill(leader);
      ctx.mark(`node ${leader} down`);
    },
  },
  {
    name: 'two-down-short',
    title: 'two of three down 15 s (< message.timeout.ms)',
    mode: 'chaos',
    failureClass: 'lost quorum',
    // Out of the CI subset: it failed once in a fresh-clone CI run (2026-12-02) beside the other test
    // files; the class is in CI through two-down-long.
    ci: false,
    guarantees: `${ALL_ACKED}: writes stall below min.insync.replicas and without a controller quorum, and resume once both nodes are back, inside the 120 s delivery timeout.`,
    limits:
      'Publishes wait, they do not fail: a caller that needs an answer sooner must use a shorter timeout (next scenario).',
    allows: [],
    minDurationMs: 35_000,
    script: twoDown(15_000),
  },
  {
    name: 'two-down-long',
    title: 'two of three down 25 s (> message.timeout.ms 10 s)',
    mode: 'chaos',
    failureClass: 'lost quorum',
    ci: true,
    guarantees:
      'Events that outlast the 10 s delivery timeout settle as DELIVERY_TIMEOUT: not-written when librdkafka never sent them (none of those is in the topic), unknown when sent without an answer; nothing acked is lost; nothing is in the topic twice (on the first timeout the producer lets go of what it holds, so librdkafka never sends it again under a bumped epoch); per-key order kept; publishing recovers.',
    limits:
      'Unknown outcomes may or may not be in the topic: a caller retrying them may duplicate. Events the producer held at the first timeout fail then, even those a longer timeout would have seen through.',
    kafka: { messageTimeoutMs: 10_000 },
    allows: ['unknown', 'not-written'],
    minDurationMs: 50_000,
    script: twoDown(25_000),
  },
  {
    name: 'broker-paused',
    title: 'broker paused 12 s (SIGSTOP > broker.session.timeout.ms 6 s)',
    mode: 'chaos',
    failureClass: 'stalled broker',
    ci: true,
    guarantees: `${ALL_ACKED}: the controller fences the silent leader, leadership moves, and the paused node rejoins after SIGCONT.`,
    limits:
      'A stalled process with open sockets; a network partition that drops packets is not simulated (no root here).',
    allows: [],
    minDurationMs: 35_000,
    script: async (ctx) => {
      await ctx.wait(5_000);
      const leader = await ctx.control.busiestLeader(ctx.topic);
      ctx.log(`SIGSTOP node ${leader} for 12 s`);
      await ctx.control.pause(leader);
      ctx.mark(`node ${leader} paused`);
      await ctx.wait(12_000);
      await ctx.control.resume(leader);
      ctx.mark(`node ${leader} resumed`);
    },
  },
  {
    name: 'preferred-leader-election',
    title: 'preferred-leader election ×2 while producing',
    mode: 'chaos',
    failureClass: 'leader movement',
    ci: true,
    guarantees: `${ALL_ACKED}, while kafka-leader-election moves leadership back to the preferred replicas (after a clean bounce moved it away).`,
    limits: 'Elections among in-sync replicas only (PREFERRED, not UNCLEAN).',
    allows: [],
    minDurationMs: 30_000,
    script: async (ctx) => {
      await ctx.wait(3_000);
      for (let i = 1; i <= 2; i++) {
        const leader = await ctx.control.busiestLeader(ctx.topic);
        ctx.log(`round ${i}: move leadership off node ${leader} (SIGTERM + restart), then elect preferred leaders`);
        await ctx.control.kill(leader, 'SIGTERM');
        await ctx.control.restart(leader);
        await ctx.wait(2_000);
        await ctx.control.electPreferredLeaders(ctx.topic);
        ctx.mark('preferred leaders elected');
        await ctx.wait(3_000);
      }
    },
  },
  {
    name: 'partition-reassignment',
    title: 'partition reassignment 3 → 2 → 3 replicas while producing',
    mode: 'chaos',
    failureClass: 'leader movement',
    ci: false,
    guarantees: `${ALL_ACKED}, while kafka-reassign-partitions drops a replica of every partition and then adds one back in a rotated order (data copied to the new replica), followed by a preferred election.`,
    limits:
      'Unthrottled reassignment of a small topic; with RF 2 mid-way, one more failure would have stopped writes (not combined here).',
    allows: [],
    minDurationMs: 30_000,
    script: async (ctx) => {
      await ctx.wait(3_000);
      const partitions = [...(await ctx.control.leaders(ctx.topic)).keys()];
      const ids = ctx.control.nodeIds;
      const rotated = (p: number, n: number) => Array.from({ length: n }, (_, i) => ids[(p + i) % ids.length]!);
      ctx.log('reassign every partition to 2 replicas');
      await ctx.control.reassign(ctx.topic, new Map(partitions.map((p) => [p, rotated(p, 2)])));
      ctx.mark('shrunk to 2 replicas');
      ctx.log('reassign every partition to 3 replicas, rotated');
      await ctx.control.reassign(ctx.topic, new Map(partitions.map((p) => [p, rotated(p + 1, 3)])));
      // A replica that just caught up may need a moment before it can lead: try a few times.
      for (let attempt = 1; ; attempt++) {
        try {
          await ctx.control.electPreferredLeaders(ctx.topic);
          break;
        } catch (error) {
          if (attempt === 3) throw error;
          ctx.log(`election attempt ${attempt} failed (${(error as Error).message}); again in 3 s`);
          await ctx.wait(3_000);
        }
      }
      ctx.mark('grown to 3 replicas, new preferred leaders');
    },
  },
  {
    name: 'all-down-at-start',
    title: 'all brokers down at start, up after 20 s',
    mode: 'chaos',
    failureClass: 'cold start',
    ci: true,
    guarantees:
      'Publishes made while no broker is reachable fail with a typed not-written error (BROKER_UNREACHABLE after connectTimeoutMs 10 s) and are indeed not in the topic; once the cluster is up the publisher connects on the next publish and everything after is acked.',
    limits:
      'Today the publisher does not queue across a failed connect: events offered in the first ~10 s fail fast (not-written), later ones wait for the next connect.',
    allows: ['not-written'],
    minDurationMs: 40_000,
    setup: async (ctx) => {
      ctx.log('SIGKILL every node before the publisher starts');
      await Promise.all(ctx.control.nodeIds.map((id) => ctx.control.kill(id)));
    },
    script: async (ctx) => {
      await ctx.wait(20_000);
      await ctx.control.restart(...ctx.control.nodeIds);
      ctx.mark('cluster up');
    },
  },
  {
    name: 'single-down-mid-stream',
    title: 'single node: SIGKILL mid-stream, restart after 10 s',
    mode: 'fault',
    failureClass: 'single node down',
    ci: false,
    guarantees: `${ALL_ACKED}: with the only broker dead for 10 s, publishes wait and complete after the restart (within the 120 s delivery timeout).`,
    limits:
      'RF 1: acks=all means one copy; the broker keeps its log on disk, so acked data survives a process kill, not a disk loss.',
    allows: [],
    minDurationMs: 30_000,
    script: async (ctx) => {
      await ctx.wait(5_000);
      ctx.log('SIGKILL node 1 for 10 s');
      await ctx.control.kill(1);
      await ctx.wait(10_000);
      await ctx.control.restart(1);
      ctx.mark('node 1 back');
    },
  },
  {
    name: 'single-paused-short',
    title: 'single node: paused 5 s (< message.timeout.ms 15 s)',
    mode: 'fault',
    failureClass: 'single node stalled',
    ci: false,
    guarantees: `${ALL_ACKED}: a pause shorter than the delivery timeout only delays acks.`,
    limits: 'request.timeout.ms (30 s) is longer than the pause, so no request is retried here.',
    kafka: { messageTimeoutMs: 15_000 },
    allows: [],
    minDurationMs: 30_000,
    script: pauseSingle(5_000),
  },
  {
    name: 'single-paused-long',
    title: 'single node: paused 15 s (> message.timeout.ms 8 s)',
    mode: 'fault',
    failureClass: 'single node stalled',
    ci: true,
    guarantees:
      'Events older than the 8 s delivery timeout settle as unknown outcome; none is acked and lost, none duplicated or reordered; publishing recovers after SIGCONT.',
    limits: 'Unknown outcomes may be in the topic (the broker may have written them before it stalled).',
    kafka: { messageTimeoutMs: 8_000, requestTimeoutMs: 5_000 },
    allows: ['unknown', 'not-written'],
    minDurationMs: 35_000,
    script: pauseSingle(15_000),
  },
];

/** The scenario called `name`, or an error listing the known names. */
export function scenarioNamed(name: string): Scenario {
  const found = CATALOGUE.find((s) => s.name === name);
  if (found === undefined)
    throw new Error(`unknown scenario ${JSON.stringify(name)}; known: ${CATALOGUE.map((s) => s.name).join(', ')}`);
  return found;
}
