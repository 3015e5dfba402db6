import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { calendarRepository } from './calendar-repository.ts';
import { loadWorkCalendar } from '../use-cases/load-work-calendar.ts';
import { addWorkingDays, isWorkingDay } from '../../../shared/domain/work-calendar.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

const at = '2026-11-29T00:00:00Z';

testOnBothDatabases(
  'imported years replace the shipped national year and local holidays add to it',
  async ({ db }) => {
    const repository = calendarRepository(db);
    const shipped = await loadWorkCalendar(repository);
    assert.equal(addWorkingDays(shipped, '2026-12-31' as IsoDate, 1).missingYears[0], 2027);
    await repository.save({
      jurisdiction: 'CN',
      year: 2027,
      data: { holidays: { '2027-01-01': '元旦' }, makeupWorkdays: {}, source: '测试' },
      importedBy: 'admin',
      importedAt: at,
    });
    await repository.save({
      jurisdiction: 'CN-XZ',
      year: 2026,
      data: { holidays: { '2026-02-18': '藏历新年' }, makeupWorkdays: {} },
      importedBy: 'admin',
      importedAt: at,
    });
    const national = await loadWorkCalendar(repository);
    const result = addWorkingDays(national, '2026-12-31' as IsoDate, 1);
    assert.deepEqual([result.date, result.missingYears], ['2027-01-04', []]);
    const tibet = await loadWorkCalendar(repository, 'CN-XZ');
    assert.equal(isWorkingDay(national, '2026-03-02' as IsoDate), true);
    assert.equal(tibet.years.get(2026)?.holidays['2026-02-18'], '藏历新年');
    assert.equal(tibet.years.get(2026)?.holidays['2026-10-01'], '国庆节');
    await repository.save({
      jurisdiction: 'CN',
      year: 2027,
      data: { holidays: { '2027-01-01': '元旦', '2027-01-04': '元旦' }, makeupWorkdays: {} },
      importedBy: 'admin',
      importedAt: at,
    });
    assert.equal(
      addWorkingDays(await loadWorkCalendar(repository), '2026-12-31' as IsoDate, 1).date,
      '2027-01-05',
    );
  },
);
