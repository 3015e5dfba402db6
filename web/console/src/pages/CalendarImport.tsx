import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api.ts';

interface ImportedYear {
  jurisdiction: string;
  year: number;
  source: string;
  importedBy: string;
  importedAt: string;
  holidays: number;
  makeupWorkdays: number;
}

interface Reading {
  imported: boolean;
  year: { holidays: Record<string, string>; makeupWorkdays: Record<string, string>; source?: string };
  moved: Array<{
    agencyId: string;
    caseId: string;
    label: string;
    what: string;
    before: string;
    after: string;
  }>;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (date: string) => `周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;

/**
 * The State Council's notice, pasted or uploaded: read and shown for review (the days off, the weekend
 * workdays, and the open cases whose periods it moves), then imported on confirmation.
 */
export function CalendarImport({ agencyId }: { agencyId: string }) {
  const [years, setYears] = useState<ImportedYear[]>();
  const [builtIn, setBuiltIn] = useState<number[]>([]);
  const [refused, setRefused] = useState('');
  const [input, setInput] = useState({
    year: String(new Date().getFullYear() + 1),
    jurisdiction: 'CN',
    source: '',
    text: '',
    kind: 'notice' as 'notice' | 'json',
  });
  const [reading, setReading] = useState<Reading>();
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);
  const load = useCallback(() => {
    api<{ years: ImportedYear[]; builtIn: number[] }>('GET', `/api/agencies/${agencyId}/calendar`).then(
      (r) => {
        setYears(r.years);
        setBuiltIn(r.builtIn);
      },
      (e: unknown) => setRefused(e instanceof ApiFailure ? e.message : '加载失败'),
    );
  }, [agencyId]);
  useEffect(load, [load]);

  const change = (next: Partial<typeof input>) => {
    setInput({ ...input, ...next });
    setReading(undefined);
  };

  async function send(what: 'preview' | 'import') {
    setError('');
    setPending(true);
    try {
      const body = {
        year: Number(input.year),
        jurisdiction: input.jurisdiction.trim() || 'CN',
        text: input.text,
        kind: input.kind,
        ...(input.source.trim() ? { source: input.source.trim() } : {}),
      };
      const answer = await api<Reading>('POST', `/api/agencies/${agencyId}/calendar/${what}`, body);
      setReading(answer);
      if (answer.imported) load();
    } catch (failure) {
      setReading(undefined);
      setError(failure instanceof ApiFailure ? failure.message : '提交失败');
    } finally {
      setPending(false);
    }
  }

  if (refused) return <p className="hint">{refused}</p>;
  const days = (map: Record<string, string>) =>
    Object.entries(map)
      .sort()
      .map(([date, name]) => `${date}（${weekday(date)}）${name}`);
  return (
    <div className="calendar-import">
      <p className="hint">
        {builtIn.length > 0 ? `系统内置 ${builtIn[0]}–${builtIn.at(-1)} 年国务院办公厅的放假通知。` : ''}
        没有通知的年度按法定节假日推算，所涉期限为暂定；通知公布后请在此导入。
      </p>
      {years && years.length > 0 ? (
        <table className="cases">
          <thead>
            <tr>
              <th>年度</th>
              <th>地区</th>
              <th>放假</th>
              <th>调休上班</th>
              <th>来源</th>
              <th>导入</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={`${y.jurisdiction}-${y.year}`}>
                <td>{y.year}</td>
                <td>{y.jurisdiction}</td>
                <td>{y.holidays} 天</td>
                <td>{y.makeupWorkdays} 天</td>
                <td>{y.source || '未注明'}</td>
                <td>
                  {y.importedBy}，{y.importedAt.slice(0, 10)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>尚未另行导入放假通知。</p>
      )}
      <div className="action-form">
        <h3>导入放假通知</h3>
        <div className="field">
          <label htmlFor="calendar-year">通知的年度</label>
          <input
            id="calendar-year"
            type="number"
            min={2019}
            max={2100}
            value={input.year}
            onChange={(e) => change({ year: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="calendar-jurisdiction">
            地区（CN：国务院的全国安排，替换该年度；其他代码：地方增加的节假日）
          </label>
          <input
            id="calendar-jurisdiction"
            value={input.jurisdiction}
            onChange={(e) => change({ jurisdiction: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="calendar-source">来源（如 国办发明电〔2026〕X号）</label>
          <input
            id="calendar-source"
            value={input.source}
            onChange={(e) => change({ source: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="calendar-file">上传通知（.txt 正文或 .json）</label>
          <input
            id="calendar-file"
            type="file"
            accept=".txt,.json,text/plain,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              if (file.size > 200_000) {
                setError('文件过大：通知正文不超过 200 KB');
                return;
              }
              void file
                .text()
                .then((text) =>
                  change({ text, kind: file.name.toLowerCase().endsWith('.json') ? 'json' : 'notice' }),
                );
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="calendar-text">或粘贴通知正文</label>
          <textarea
            id="calendar-text"
            rows={8}
            value={input.text}
            onChange={(e) =>
              change({
                text: e.target.value,
                kind: e.target.value.trim().startsWith('{') ? 'json' : 'notice',
              })
            }
          />
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="button" disabled={pending || !input.text.trim()} onClick={() => send('preview')}>
          解析并预览
        </button>
      </div>
      {reading && (
        <div className="calendar-reading" role="region" aria-label="解析结果">
          <h3>{reading.imported ? `已导入 ${input.year} 年` : `${input.year} 年解析结果（尚未导入）`}</h3>
          <p>
            放假 {Object.keys(reading.year.holidays).length} 天：{days(reading.year.holidays).join('、')}
          </p>
          <p>
            调休上班 {Object.keys(reading.year.makeupWorkdays).length} 天：
            {days(reading.year.makeupWorkdays).join('、') || '无'}
          </p>
          {reading.moved.length === 0 ? (
            <p>未办结申请的答复、补正和缴费期限均不因此改变。</p>
          ) : (
            <>
              <p>
                <strong>
                  {reading.imported ? '以下' : '导入后，以下'} {reading.moved.length} 个期限
                  {reading.imported ? '已' : '将'}改变，请告知申请人：
                </strong>
              </p>
              <table className="cases moved">
                <thead>
                  <tr>
                    <th>机关</th>
                    <th>申请编号</th>
                    <th>期限</th>
                    <th>原日期</th>
                    <th>新日期</th>
                  </tr>
                </thead>
                <tbody>
                  {reading.moved.map((m) => (
                    <tr key={`${m.caseId}-${m.what}`}>
                      <td>{m.agencyId}</td>
                      <td>{m.caseId}</td>
                      <td>{m.label}</td>
                      <td>{m.before}</td>
                      <td>{m.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {!reading.imported && (
            <button type="button" disabled={pending} onClick={() => send('import')}>
              确认导入
            </button>
          )}
        </div>
      )}
    </div>
  );
}
