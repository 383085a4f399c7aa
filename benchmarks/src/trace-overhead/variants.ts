// The three tracing set-ups `herald-bench trace-overhead` compares, each installed in its own process.
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, BatchSpanProcessor, InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * a: no SDK; b: an SDK (batch processor) whose exporter drops everything; c: batch processor into
 * memory. `context-only` installs just the AsyncLocalStorage context manager and the propagator
 * every SDK set-up brings, with no tracer: it separates that environment cost from Herald's spans.
 */
export type TracingVariant = 'none' | 'context-only' | 'noop-exporter' | 'batch-in-memory';

export const TRACING_VARIANTS: readonly TracingVariant[] = ['none', 'context-only', 'noop-exporter', 'batch-in-memory'];

/** An exporter that accepts and drops every span: the SDK's cost without an export's. */
class DroppingExporter implements SpanExporter {
  export(_spans: ReadableSpan[], done: (result: { code: 0 }) => void): void {
    done({ code: 0 });
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** Registers the variant's SDK globally (before any publisher exists); returns how to flush it. */
export function installTracing(variant: TracingVariant): () => Promise<number> {
  if (variant === 'none') return () => Promise.resolve(0);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  if (variant === 'context-only') return () => Promise.resolve(0);
  const memory = new InMemorySpanExporter();
  // The production set-up: a batch processor; (b) drops what it exports, (c) keeps it in memory.
  const exporter = variant === 'noop-exporter' ? new DroppingExporter() : memory;
  const processor = new BatchSpanProcessor(exporter, {
    maxQueueSize: 200_000,
    maxExportBatchSize: 4_096,
    scheduledDelayMillis: 200,
  });
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  trace.setGlobalTracerProvider(provider);
  return async () => {
    await provider.forceFlush();
    const n = memory.getFinishedSpans().length;
    memory.reset();
    return n;
  };
}
