import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.js';
import { AppError } from './errors.js';
import './ops-messages.js';

/** How far behind the event loop has kept running (sustained over the last few seconds). */
export interface LoadReading { eventLoopDelayMs: number; eventLoopUtilization: number }
export interface LoadGauge { read(): LoadReading; stop(): void }
export interface LoadState extends LoadReading { overloaded: boolean }

/** Seconds a shed client is asked to wait: a few samples, long enough for a queue to drain. */
export const RETRY_AFTER_SECONDS = 10;
/** Requests that are never shed: the health check reports the pressure instead. */
const NEVER_SHED = new Set(['/healthz']);
const SAMPLE_MS = 1000;
const RESOLUTION_MS = 10;
/** How many consecutive samples must all be over a limit: pressure has to be sustained, not one slow moment. */
const SUSTAINED_SAMPLES = 3;

declare module 'fastify' {
  interface FastifyInstance { loadState(): LoadState }
}

/**
 * The real gauge, one sample a second: how late the sampling timer fired, or the mean lag of node's 10 ms delay
 * histogram when that is larger (the histogram alone misses a loop blocked the whole sample, when its own timer never
 * fires), and event-loop utilisation. It reports the lowest of the last three samples: one long synchronous task
 * (start-up compiling every route's schema, a large import) lands in a single sample and never sheds; a backlog that
 * keeps the loop behind for three seconds does. The sampling timer does not keep the process alive.
 */
export function eventLoopGauge(sampleMs = SAMPLE_MS): LoadGauge {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let lastUtilization = performance.eventLoopUtilization();
  let lastTick = performance.now();
  const samples: LoadReading[] = [];
  let reading: LoadReading = { eventLoopDelayMs: 0, eventLoopUtilization: 0 };
  const timer = setInterval(() => {
    const now = performance.now();
    const utilization = performance.eventLoopUtilization();
    const timerLag = Math.max(0, now - lastTick - sampleMs);
    const histogramLag = histogram.count > 0 ? Math.max(0, histogram.mean / 1e6 - RESOLUTION_MS) : 0;
    samples.push({
      eventLoopDelayMs: Math.max(timerLag, histogramLag),
      eventLoopUtilization: performance.eventLoopUtilization(utilization, lastUtilization).utilization,
    });
    if (samples.length > SUSTAINED_SAMPLES) samples.shift();
    lastTick = now;
    lastUtilization = utilization;
    histogram.reset();
    if (samples.length === SUSTAINED_SAMPLES) {
      reading = {
        eventLoopDelayMs: Math.min(...samples.map((x) => x.eventLoopDelayMs)),
        eventLoopUtilization: Math.min(...samples.map((x) => x.eventLoopUtilization)),
      };
    }
  }, sampleMs);
  timer.unref();
  return { read: () => reading, stop: () => { clearInterval(timer); histogram.disable(); } };
}

export function isOverloaded(reading: LoadReading, limits: AppConfig['loadShedding']): boolean {
  return (limits.maxEventLoopDelayMs > 0 && reading.eventLoopDelayMs > limits.maxEventLoopDelayMs)
    || (limits.maxEventLoopUtilization > 0 && reading.eventLoopUtilization > limits.maxEventLoopUtilization);
}

/**
 * T6: while the process is overloaded every request but the health check gets 503 + Retry-After at once, before
 * any session lookup or body parsing, instead of joining a queue that only grows. Register before the auth hooks.
 */
export function registerLoadShedding(app: FastifyInstance, gauge: LoadGauge, limits: AppConfig['loadShedding']) {
  app.decorate('loadState', (): LoadState => {
    const reading = gauge.read();
    return { ...reading, overloaded: isOverloaded(reading, limits) };
  });
  app.addHook('onClose', async () => gauge.stop());
  app.addHook('onRequest', async (request, reply) => {
    if (NEVER_SHED.has(request.routeOptions.url ?? '') || !app.loadState().overloaded) return;
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    throw new AppError(503, 'server.overloaded');
  });
}
