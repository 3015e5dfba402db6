import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recentLookups } from './recent-lookups.ts';

test('a lookup found is remembered for a moment; one not found is asked again at once', async () => {
  let clock = 0;
  const asked: string[] = [];
  const stored = new Map([['city', 'CN']]);
  const find = recentLookups(
    async (id: string) => {
      asked.push(id);
      return stored.get(id);
    },
    1000,
    () => clock,
  );
  assert.equal(await find('city'), 'CN');
  assert.equal(await find('city'), 'CN');
  assert.equal(await find('town'), undefined);
  stored.set('town', 'CN-44');
  assert.equal(await find('town'), 'CN-44', 'made a moment ago elsewhere: found at once');
  stored.set('city', 'CN-11');
  clock = 999;
  assert.equal(await find('city'), 'CN', 'a change is seen within the moment…');
  clock = 1000;
  assert.equal(await find('city'), 'CN-11', '…and after it');
  assert.deepEqual(asked, ['city', 'town', 'town', 'city']);
});
