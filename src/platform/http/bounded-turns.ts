/**
 * Short turns of the event loop under load.
 *
 * libuv, as Node 20 ships it, accepts one new connection per turn of the event loop. On SQLite the work
 * of a request is synchronous from its first byte to its reply, so when 200 requests are ready at once a
 * single turn serves them all (50 ms and more), and a connection opened meanwhile waits for seconds
 * before it is even accepted: the load benchmark saw about one request in a hundred time out after 10 s
 * while every request that was served took milliseconds.
 *
 * So each turn does a bounded amount of work: a request that arrives once the turn has spent its budget
 * waits, in the order it came, for a later turn (setImmediate), and between two slices of work the loop
 * accepts, reads and writes. Nothing is held while waiting, so a slow client cannot block anyone. When
 * more than `maxWaiting` requests wait already, a new one is answered 503 at once (with Retry-After)
 * instead of joining a queue it would take seconds to reach the head of.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ERROR_STATUS } from './error-codes.ts';
import { htmlErrorPage, wantsHtml } from './html-error-page.ts';

const WAITING = Symbol('waiting for a turn');

declare module 'fastify' {
  interface FastifyRequest {
    [WAITING]?: boolean;
  }
}

const BUSY_MESSAGE = '服务器正忙，请 5 秒后再试';

export interface TurnGate {
  /** Requests waiting for a later turn now. */
  readonly waiting: number;
  /** Requests that have waited for a later turn since the start. */
  readonly deferred: number;
  /** Requests answered 503 because too many were waiting. */
  readonly refused: number;
}

export interface TurnOptions {
  /** The work one turn may do before the next request waits for a later turn (ms). */
  readonly budgetMs?: number;
  /** How many requests may wait; beyond that the server is busy (503). */
  readonly maxWaiting?: number;
}

export function boundTurns(app: FastifyInstance, options: TurnOptions = {}): TurnGate {
  const { budgetMs = 5, maxWaiting = 1000 } = options;
  const waiting: Array<{ request: FastifyRequest; enter: () => void }> = [];
  let deferred = 0;
  let refused = 0;
  let sliceOpen = false;
  let sliceStart = 0;
  const closeSlice = () => {
    sliceOpen = false;
  };
  /** Whether the current slice of work has budget left; the first call in a phase of a turn opens one. */
  const budgetLeft = () => {
    const now = performance.now();
    if (!sliceOpen) {
      sliceOpen = true;
      sliceStart = now;
      // Runs at the end of this turn (or the next one, when opened in the check phase).
      setImmediate(closeSlice);
    }
    return now - sliceStart < budgetMs;
  };
  // One call per waiting request, queued in its order: lets the longest waiter in while there is budget,
  // else queues itself again for the next turn.
  const letOneIn = () => {
    if (waiting.length === 0) return;
    if (!budgetLeft()) {
      setImmediate(letOneIn);
      return;
    }
    const next = waiting.shift()!;
    next.request[WAITING] = false;
    next.enter();
  };

  app.addHook('onRequest', (request, reply, done) => {
    if (waiting.length === 0 && budgetLeft()) return done();
    if (waiting.length >= maxWaiting) {
      refused++;
      void reply.status(ERROR_STATUS.busy).header('retry-after', '5');
      // A citizen's browser gets a page, the API its error object.
      if (wantsHtml(request))
        void reply
          .type('text/html; charset=utf-8')
          .send(
            htmlErrorPage(
              '服务器正忙',
              request.method === 'GET'
                ? `${BUSY_MESSAGE}（刷新本页）。`
                : `${BUSY_MESSAGE}。您填写的内容没有提交，请返回后重新提交。`,
            ),
          );
      else void reply.send({ error: { code: 'busy', message: BUSY_MESSAGE } });
      return;
    }
    request[WAITING] = true;
    deferred++;
    waiting.push({ request, enter: done });
    setImmediate(letOneIn);
  });
  // A client that hangs up while waiting gives up its place.
  app.addHook('onRequestAbort', async (request) => {
    if (!request[WAITING]) return;
    const at = waiting.findIndex((w) => w.request === request);
    if (at >= 0) waiting.splice(at, 1);
  });

  return {
    get waiting() {
      return waiting.length;
    },
    get deferred() {
      return deferred;
    },
    get refused() {
      return refused;
    },
  };
}
