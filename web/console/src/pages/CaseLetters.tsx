import { useEffect, useState } from 'react';
import { api, ApiFailure } from '../api.ts';

interface LetterListing {
  kind: string;
  seq: number;
  on: string;
  title: string;
  reference: string;
}

/**
 * The letters the case has issued, each with its 文号 and date, as DOCX (to sign and seal) or PDF. A
 * letter the record cannot complete (e.g. no contact in 公开设置) answers with what is missing.
 */
export function CaseLetters({ path, version }: { path: string; version: number }) {
  const [letters, setLetters] = useState<LetterListing[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    api<{ letters: LetterListing[] }>('GET', `${path}/letters`).then(
      (r) => setLetters(r.letters),
      (e: unknown) => setError(e instanceof ApiFailure ? e.message : '文书列表加载失败'),
    );
  }, [path, version]);
  if (error) return <p className="error">{error}</p>;
  if (letters.length === 0) return null;
  return (
    <section className="letters">
      <h2>文书</h2>
      <table className="cases">
        <thead>
          <tr>
            <th>文号</th>
            <th>文书</th>
            <th>日期</th>
            <th>下载</th>
          </tr>
        </thead>
        <tbody>
          {letters.map((l) => {
            const href = `${path}/letters/${l.kind}?seq=${l.seq}`;
            return (
              <tr key={`${l.kind}-${l.seq}`}>
                <td>{l.reference}</td>
                <td>{l.title}</td>
                <td>{l.on}</td>
                <td>
                  <a href={`${href}&format=docx`}>DOCX</a> · <a href={`${href}&format=pdf`}>PDF</a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
