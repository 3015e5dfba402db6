import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { navigate } from '../router.ts';
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS } from '../labels.ts';

/** An application received at the counter, by post or fax, or orally: the officer enters it. */
const DELIVERY_LABELS: Record<string, string> = {
  'paper-post': '纸质文本邮寄',
  pickup: '当面领取',
  email: '电子邮件',
  online: '网上查看',
};

interface Registered {
  id: string;
  queryCode: string;
  submittedOn: string;
  description: string;
  delivery: string;
}

/** The printable 受理回执 handed to an applicant at the counter: the number and the query code. */
function CounterReceipt({ agencyName, registered }: { agencyName: string; registered: Registered }) {
  return (
    <section className="counter-receipt" aria-labelledby="receipt-title">
      <h1 id="receipt-title">政府信息公开申请受理回执</h1>
      <dl className="facts">
        <dt>受理机关</dt>
        <dd>{agencyName}</dd>
        <dt>申请编号</dt>
        <dd id="receipt-case-id">{registered.id}</dd>
        <dt>查询码</dt>
        <dd id="receipt-query-code">{registered.queryCode}</dd>
        <dt>提交日期</dt>
        <dd>{registered.submittedOn}</dd>
        <dt>所需信息</dt>
        <dd>{registered.description}</dd>
        <dt>获取信息的方式</dt>
        <dd>{DELIVERY_LABELS[registered.delivery] ?? registered.delivery}</dd>
      </dl>
      <p>凭申请编号和查询码可在政府信息公开网站“查询办理进度”。查询码只在本回执上出现，请妥善保存。</p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          打印回执
        </button>{' '}
        <a
          href={`/console/requests/${registered.id}`}
          onClick={(e) => (e.preventDefault(), navigate(`/console/requests/${registered.id}`))}
        >
          进入办理页面
        </a>
      </p>
    </section>
  );
}

export function RegisterPage({ agencyId, today }: { agencyId: string; today: string }) {
  const [error, setError] = useState('');
  const [registered, setRegistered] = useState<Registered | undefined>();
  const [agencyName, setAgencyName] = useState(agencyId);
  useEffect(() => {
    api<{ agencies: Array<{ id: string; name: string }> }>('GET', '/api/agencies').then(
      (r) => setAgencyName(r.agencies.find((a) => a.id === agencyId)?.name ?? agencyId),
      () => undefined,
    );
  }, [agencyId]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (name: string) => String(f.get(name) ?? '').trim() || undefined;
    try {
      const created = await api<{ id: string; queryCode?: string }>(
        'POST',
        `/api/agencies/${agencyId}/requests`,
        {
          channel: text('channel'),
          submittedOn: text('submittedOn'),
          ...(text('receivedOn') ? { receivedOn: text('receivedOn') } : {}),
          applicant: {
            type: text('applicantType'),
            name: text('name') ?? '',
            phone: text('phone'),
            email: text('email'),
            idType: text('idType'),
            idNumber: text('idNumber'),
            address: text('address'),
          },
          application: { description: text('description') ?? '', delivery: text('delivery') },
        },
      );
      setRegistered({
        id: created.id,
        queryCode: created.queryCode ?? '',
        submittedOn: text('submittedOn') ?? today,
        description: text('description') ?? '',
        delivery: text('delivery') ?? '',
      });
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '提交失败');
    }
  }

  if (registered) return <CounterReceipt agencyName={agencyName} registered={registered} />;
  return (
    <section>
      <h1>登记申请</h1>
      <form className="register" onSubmit={submit}>
        <div className="field">
          <label htmlFor="channel">提交方式</label>
          <select id="channel" name="channel" defaultValue="in-person">
            {Object.entries(CHANNEL_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="submittedOn">提交日期</label>
          <input id="submittedOn" name="submittedOn" type="date" defaultValue={today} required />
        </div>
        <div className="field">
          <label htmlFor="receivedOn">签收日期（邮寄签收时填写）</label>
          <input id="receivedOn" name="receivedOn" type="date" />
        </div>
        <div className="field">
          <label htmlFor="applicantType">申请人类型</label>
          <select id="applicantType" name="applicantType">
            {Object.entries(APPLICANT_TYPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="idType">证件类型</label>
          <select id="idType" name="idType" defaultValue="">
            <option value="">与申请人类型相应的证件（身份证或统一社会信用代码）</option>
            <option value="resident-id">居民身份证</option>
            <option value="credit-code">统一社会信用代码</option>
            <option value="other">其他证件（护照、港澳台居民通行证等）</option>
          </select>
        </div>
        {[
          ['name', '姓名或名称'],
          ['idNumber', '证件号码'],
          ['phone', '联系电话'],
          ['email', '电子邮箱'],
          ['address', '通信地址'],
        ].map(([name, label]) => (
          <div className="field" key={name}>
            <label htmlFor={name}>{label}</label>
            <input id={name} name={name} required={name === 'name'} />
          </div>
        ))}
        <div className="field">
          <label htmlFor="description">所需政府信息</label>
          <textarea id="description" name="description" rows={4} required />
        </div>
        <div className="field">
          <label htmlFor="delivery">获取方式</label>
          <select id="delivery" name="delivery" defaultValue="pickup">
            <option value="paper-post">纸质文本邮寄</option>
            <option value="pickup">当面领取</option>
            <option value="email">电子邮件</option>
            <option value="online">网上查看</option>
          </select>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">登记</button>
      </form>
    </section>
  );
}
