import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, Repeater } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { GraphChange, GraphPubSub } from '../graphql/context.js';
import type { Logger } from './logger.js';

/** Events cannot flow (Redis is away): a subscription ends, or is refused, with this coded error. */
export class EventsUnavailableError extends Error {
  override name = 'EventsUnavailableError';
  readonly code = 'EVENTS_UNAVAILABLE';
}

export interface GraphEvents {
  pubsub: GraphPubSub;
  /** Why events cannot flow right now (Redis is away), or null. */
  outage(): string | null;
  close(): Promise<void>;
}

/** In-process events: one API process, nothing to run (the default without REDIS_URL). */
export function localEvents(): GraphEvents {
  return { pubsub: createPubSub() as GraphPubSub, outage: () => null, close: async () => {} };
}

/**
 * graphChanged over Redis pub/sub (@graphql-yoga/redis-event-target), so a subscriber on one API
 * replica hears the mutations made on another. While Redis is away, mutations still commit (their
 * event is dropped, not queued), and every open subscription ends with an error saying so; a new
 * subscription while Redis is away fails the same way; when Redis is back, events flow again
 * (ioredis reconnects and resubscribes by itself).
 */
export function redisEvents(url: string, logger: Pick<Logger, 'warn' | 'info'>): GraphEvents {
  const options = {
    lazyConnect: false,
    // Reconnect every 0.5–2 s for as long as it takes.
    retryStrategy: (times: number) => Math.min(500 * times, 2000),
    maxRetriesPerRequest: 1,
  };
  const publisher = new Redis(url, { ...options, enableOfflineQueue: false });
  const subscriber = new Redis(url, options);
  let down: string | null = null;
  const listeners = new Set<(reason: string) => void>();
  const goneDown = () => {
    if (down) return;
    down = `Redis at ${url} is unavailable: graphChanged events are not delivered; subscribe again once it is back.`;
    logger.warn({ url }, 'Redis unavailable: graphChanged events stop');
    for (const l of listeners) l(down);
  };
  for (const client of [publisher, subscriber]) {
    client.on('error', () => {}); // reported through 'close' below, once
    client.on('close', goneDown);
  }
  subscriber.on('ready', () => {
    if (down) logger.info({ url }, 'Redis is back: graphChanged events flow again');
    down = null;
  });
  // The event target does not handle its clients' promises: a failed publish or subscribe
  // during an outage must not become an unhandled rejection (which stops the process).
  const safe = (p: Promise<unknown>) => {
    p.catch(() => {});
  };
  const eventTarget = createRedisEventTarget({
    publishClient: {
      publish: (channel: string, message: string) => safe(publisher.publish(channel, message)),
    } as never,
    subscribeClient: {
      on: (event: string, fn: (...args: unknown[]) => void) => subscriber.on(event, fn),
      subscribe: (topic: string) => safe(subscriber.subscribe(topic)),
      unsubscribe: (topic: string) => safe(subscriber.unsubscribe(topic)),
    } as never,
  });
  const base = createPubSub({ eventTarget }) as GraphPubSub;
  const pubsub = {
    publish: base.publish,
    subscribe: (topic: 'graphChanged') =>
      new Repeater<GraphChange>(async (push, stop) => {
        if (down) {
          stop(new EventsUnavailableError(down));
          return;
        }
        const source = base.subscribe(topic);
        const onDown = (reason: string) => stop(new EventsUnavailableError(reason));
        listeners.add(onDown);
        stop.then(() => {
          listeners.delete(onDown);
          void source.return?.();
        });
        for await (const change of source) await push(change);
      }),
  } as unknown as GraphPubSub;
  return {
    pubsub,
    outage: () => down,
    close: async () => {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
