import type { KafkaSettings } from '@herald/publisher';
import type { ClusterControl } from './cluster-control.js';

/** What a scenario script can do while the load runs. */
export interface ScenarioContext {
  readonly control: ClusterControl;
  readonly topic: string;
  /** Waits `ms` (scripts read as timelines). */
  wait(ms: number): Promise<void>;
  /**
   * Says "the cluster should serve again from now" (after a failover-inducing fault, or a heal):
   * the recovery time is the longest time from a mark to the first ack of an event sent after it.
   */
  mark(label: string): void;
  log(line: string): void;
}

/** Outcomes besides "acked" that a scenario allows because it outlasts a timeout on purpose. */
export type AllowedOutcome = 'not-written' | 'unknown';

/** One entry of the reliability catalogue. */
export interface Scenario {
  /** Kebab-case name, used on the command line. */
  readonly name: string;
  /** One line for tables. */
  readonly title: string;
  /** The `scripts/kafka` mode it runs on. */
  readonly mode: 'chaos' | 'fault';
  /** The failure class it stands for; the CI subset covers every class once. */
  readonly failureClass:
    | 'broker crash'
    | 'clean restart'
    | 'lost replica'
    | 'lost quorum'
    | 'stalled broker'
    | 'leader movement'
    | 'cold start'
    | 'single node down'
    | 'single node stalled';
  /** Part of the CI subset (`--ci`). */
  readonly ci: boolean;
  /** What the scenario shows when it passes. */
  readonly guarantees: string;
  /** What it does not show. */
  readonly limits: string;
  /** Publisher settings on top of the reliable preset (e.g. a shorter delivery timeout). */
  readonly kafka?: KafkaSettings;
  /** Non-ack outcomes allowed; every other scenario must ack every event. */
  readonly allows: readonly AllowedOutcome[];
  /** Publishing lasts at least this long (the script may take longer). */
  readonly minDurationMs: number;
  /** Runs before the publisher starts (e.g. stop every broker). */
  readonly setup?: (ctx: ScenarioContext) => Promise<void>;
  /** The faults, on a timeline from the moment publishing starts. */
  readonly script: (ctx: ScenarioContext) => Promise<void>;
}
