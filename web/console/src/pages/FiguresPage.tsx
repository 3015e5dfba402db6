import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ENTERED_2019_CELLS } from '../../../../src/features/annual-report/domain/cell-selector.ts';
import { cellLabel } from '../../../../src/features/annual-report/domain/report-format.ts';

interface Figures {
  licensing: number;
  penalty: number;
  coercion: number;
  adminFeesWan: number;
  entered2019?: Record<string, number>;
  enteredBy?: string;
  enteredAt?: string;
}

const FIELDS: Array<['licensing' | 'penalty' | 'coercion' | 'adminFeesWan', string, string]> = [
  ['licensing', '行政许可决定数（件）', '1'],
  ['penalty', '行政处罚决定数（件）', '1'],
  ['coercion', '行政强制决定数（件）', '1'],
  ['adminFeesWan', '行政事业性收费金额（万元）', '0.0001'],
];

/** Table 二's figures from other systems, per year, with who entered them. */
export function FiguresPage({ agencyId, today }: { agencyId: string; today: string }) {
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [figures, setFigures] = useState<Figures | null | undefined>();
  const [message, setMessage] = useState('');
  /** 2019 and 2020 are reported in the 2019 trial format, whose table 二 asks for more. */
  const legacy = year <= 2020;
  useEffect(() => {
    setFigures(undefined);
    api<Figures>('GET', `/api/agencies/${agencyId}/figures/${year}`).then(setFigures, () => setFigures(null));
  }, [agencyId, year]);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    try {
      const saved = await api<Figures>('PUT', `/api/agencies/${agencyId}/figures/${year}`, {
        ...Object.fromEntries(FIELDS.map(([key]) => [key, Number(f.get(key))])),
        ...(legacy
          ? {
              entered2019: Object.fromEntries(
                ENTERED_2019_CELLS.map((cell) => [cell, Number(f.get(`entered2019.${cell}`) || 0)]),
              ),
            }
          : {}),
      });
      setFigures(saved);
      setMessage('已保存');
    } catch (failure) {
      setMessage(failure instanceof ApiFailure ? failure.message : '保存失败');
    }
  }

  return (
    <section>
      <h1>表二数据（来自其他业务系统）</h1>
      <p>
        <label htmlFor="figures-year">年度 </label>
        <select id="figures-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {Array.from({ length: thisYear - 2018 }, (_, i) => thisYear - i).map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>{' '}
        {figures?.enteredBy ? `由 ${figures.enteredBy} 填报` : figures === null ? '尚未填报' : ''}
      </p>
      {figures !== undefined && (
        <form className="register" onSubmit={save} key={year}>
          {FIELDS.map(([key, label, step]) => (
            <div className="field" key={key}>
              <label htmlFor={`figures-${key}`}>{label}</label>
              <input
                id={`figures-${key}`}
                name={key}
                type="number"
                min={0}
                step={step}
                defaultValue={figures ? String(figures[key] ?? '') : ''}
                required
              />
            </div>
          ))}
          {legacy && (
            <fieldset>
              <legend>2019年格式（国办公开办函〔2019〕60号）表二的其他数字</legend>
              {ENTERED_2019_CELLS.map((cell) => (
                <div className="field" key={cell}>
                  <label htmlFor={`figures-${cell}`}>{cellLabel('2019', cell).replace(/^表二 /, '')}</label>
                  <input
                    id={`figures-${cell}`}
                    name={`entered2019.${cell}`}
                    type="number"
                    step="any"
                    defaultValue={
                      figures?.entered2019?.[cell] !== undefined ? String(figures.entered2019[cell]) : ''
                    }
                  />
                </div>
              ))}
            </fieldset>
          )}
          {message && (
            <p className={message === '已保存' ? 'ok' : 'error'} role="status">
              {message}
            </p>
          )}
          <button type="submit">保存</button>
        </form>
      )}
    </section>
  );
}
