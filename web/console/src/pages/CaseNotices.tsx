import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { NoticeTable, type Notice } from './NoticesPage.tsx';

/** The e-mails this case has sent the applicant (or would have, without a mail server), with their state. */
export function CaseNotices({
  agencyId,
  caseId,
  version,
}: {
  agencyId: string;
  caseId: string;
  version: number;
}) {
  const [data, setData] = useState<{ configured: boolean; notices: Notice[] } | undefined>();
  const load = useCallback(() => {
    api<{ configured: boolean; notices: Notice[] }>(
      'GET',
      `/api/agencies/${agencyId}/notices?requestId=${caseId}`,
    ).then(setData, () => setData(undefined));
  }, [agencyId, caseId]);
  useEffect(load, [load, version]);
  if (!data || data.notices.length === 0) return null;
  return (
    <section>
      <h2>通知邮件</h2>
      {!data.configured && (
        <p className="warning">未配置邮件服务器，下列通知未发出，请以其他方式告知申请人。</p>
      )}
      <NoticeTable agencyId={agencyId} notices={data.notices} onChange={load} showCase={false} />
    </section>
  );
}
