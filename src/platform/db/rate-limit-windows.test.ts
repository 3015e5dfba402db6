import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../test-support/databases.ts';
import { countHit, countHits, forgetEndedWindows } from './rate-limit-windows.ts';

testOnBothDatabases(
  'a window counts its hits, starts again when it ends, and is forgotten after',
  async ({ db }) => {
    const t0 = 1_800_000_000_000;
    assert.deepEqual(await countHit(db, 'login|10.0.0.1', 60_000, t0), { hits: 1, ttlMs: 60_000 });
    assert.deepEqual(await countHit(db, 'login|10.0.0.1', 60_000, t0 + 1_000), { hits: 2, ttlMs: 59_000 });
    // Another address, another limit: counted apart.
    assert.equal((await countHit(db, 'login|10.0.0.2', 60_000, t0 + 1_000)).hits, 1);
    assert.equal((await countHit(db, 'apply|10.0.0.1', 3_600_000, t0 + 1_000)).hits, 1);
    // The window ended: a new one starts with this hit.
    assert.deepEqual(await countHit(db, 'login|10.0.0.1', 60_000, t0 + 60_000), { hits: 1, ttlMs: 60_000 });
    assert.equal(await forgetEndedWindows(db, t0 + 61_000), 1, 'only 10.0.0.2’s login window has ended');
    assert.equal((await countHit(db, 'login|10.0.0.2', 60_000, t0 + 61_000)).hits, 1);
  },
);

testOnBothDatabases('hits counted at once are each counted once', async ({ db }) => {
  const now = 1_800_000_000_000;
  const counted = await Promise.all(
    Array.from({ length: 40 }, () => countHit(db, 'status|10.0.0.9', 60_000, now)),
  );
  assert.deepEqual(
    counted.map((c) => c.hits).sort((a, b) => a - b),
    Array.from({ length: 40 }, (_, i) => i + 1),
  );
});

testOnBothDatabases(
  'hits counted in one statement: each told its own place, the same key many times',
  async ({ db }) => {
    const now = 1_800_000_000_000;
    await countHit(db, 'a', 60_000, now);
    await countHit(db, 'a', 60_000, now);
    const counted = await countHits(
      db,
      [
        { key: 'a', windowMs: 60_000 },
        { key: 'a', windowMs: 60_000 },
        { key: 'b', windowMs: 60_000 },
        { key: 'a', windowMs: 60_000 },
      ],
      now + 500,
    );
    assert.deepEqual(
      counted.map((c) => c.hits),
      [3, 4, 1, 5],
    );
    assert.deepEqual(
      counted.map((c) => c.ttlMs),
      [59_500, 59_500, 60_000, 59_500],
    );
    assert.equal((await countHit(db, 'a', 60_000, now + 60_000)).hits, 1, 'a new window');
  },
);

testOnBothDatabases(
  'windows counted by several writers while ended ones are forgotten: none waits on another in a circle',
  async ({ db }) => {
    const t0 = 1_800_000_000_000;
    const keys = Array.from({ length: 2_000 }, (_, i) => `apply|10.0.${i >> 8}.${i & 255}`);
    const hits = (order: readonly string[]) => order.map((key) => ({ key, windowMs: 60_000 }));
    const everyThird = (from: number) => keys.filter((_, i) => i % 3 === from);
    for (let round = 0; round < 5; round++) {
      const now = t0 + round * 120_000;
      await countHits(db, hits(keys), now);
      // Later: every window has ended. The sweep forgets them while the same addresses come again, in
      // other orders, through several writers at once (as through several server processes).
      const later = now + 61_000;
      const orders = [
        [...keys].reverse().slice(0, 1_200),
        [...everyThird(2), ...everyThird(0), ...everyThird(1)].slice(400, 1_800),
        keys.slice(800),
      ];
      const [, ...counted] = await Promise.all([
        forgetEndedWindows(db, later),
        ...orders.map((order) => countHits(db, hits(order), later)),
      ]);
      // Whether the sweep forgot a window first or a hit started it again, the hits of each address
      // open a new window and are each counted once: 1, 2, … as many as came.
      const places = new Map<string, number[]>();
      orders.forEach((order, w) =>
        order.forEach((key, i) => places.set(key, [...(places.get(key) ?? []), counted[w]![i]!.hits])),
      );
      for (const [key, got] of places)
        assert.deepEqual(
          got.sort((a, b) => a - b),
          got.map((_, i) => i + 1),
          key,
        );
    }
  },
);
