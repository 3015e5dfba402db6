/**
 * A store for @fastify/rate-limit that keeps its counts where every server process sees them (the
 * database): the limits hold for an address whichever process serves it. Each route's limit is counted
 * apart (its method and path prefix the key), as the plugin's own in-memory store does.
 */
import type { WindowCount } from '../db/rate-limit-windows.ts';

export type HitCounter = (key: string, windowMs: number) => Promise<WindowCount>;

type Done = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** What the plugin passes to `child` at run time: the route's limit, with the route under `routeInfo`. */
interface RouteLimit {
  readonly routeInfo?: { readonly method?: string | readonly string[]; readonly url?: string };
}

export function sharedRateLimitStore(count: HitCounter) {
  return class SharedRateLimitStore {
    private readonly prefix: string;

    constructor(prefix: unknown = '') {
      this.prefix = typeof prefix === 'string' ? prefix : '';
    }

    incr(key: string, done: Done, timeWindow: number): void {
      count(`${this.prefix}${key}`, timeWindow).then(
        (counted) => done(null, { current: counted.hits, ttl: counted.ttlMs }),
        (error: Error) => done(error),
      );
    }

    // Typed `object`: the plugin's declared parameter (the route's options) is not what it passes.
    child(limit: object): SharedRateLimitStore {
      const options = limit as RouteLimit;
      const method = [options.routeInfo?.method ?? ''].flat().join(',');
      return new SharedRateLimitStore(`${method} ${options.routeInfo?.url ?? ''}|`);
    }
  };
}
