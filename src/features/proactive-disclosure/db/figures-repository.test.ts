import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { agencyRepository } from '../../agencies/index.ts';
import { figuresRepository } from './figures-repository.ts';

testOnBothDatabases(
  'entered figures keep the 2019 format cells of 2019 and 2020, and replace them when entered again',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'city', name: '某区民政局' }, 'now');
    const figures = figuresRepository(db);
    await figures.save(
      'city',
      2020,
      {
        licensing: 40,
        penalty: 5,
        coercion: 1,
        adminFeesWan: 0,
        entered2019: { 't2.licensing.items_change': -8, 't2.central_procurement.procurement_amount': 2.5 },
      },
      'officer',
      '2021-01-10T00:00:00Z',
    );
    await figures.save(
      'city',
      2024,
      { licensing: 1, penalty: 2, coercion: 3, adminFeesWan: 0.5 },
      'officer',
      'x',
    );
    const found = await figures.find('city', 2020);
    assert.deepEqual(found?.entered2019, {
      't2.licensing.items_change': -8,
      't2.central_procurement.procurement_amount': 2.5,
    });
    assert.equal((await figures.find('city', 2024))?.entered2019, undefined);
    await figures.save(
      'city',
      2020,
      {
        licensing: 41,
        penalty: 5,
        coercion: 1,
        adminFeesWan: 0,
        entered2019: { 't2.penalty.items_prev_year': 12 },
      },
      'reviewer',
      '2021-01-11T00:00:00Z',
    );
    const again = await figures.find('city', 2020);
    assert.deepEqual(
      [again?.licensing, again?.entered2019, again?.enteredBy],
      [41, { 't2.penalty.items_prev_year': 12 }, 'reviewer'],
    );
  },
);
