import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { navigate } from '../router.ts';
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS } from '../labels.ts';

/** An application received at the counter, by post or fax, or orally: the officer enters it. */
export function RegisterPage({ agencyId, today }: { agencyId: string; today: string }) {
  const [error, setError] = useState('');

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
            idNumber: text('idNumber'),
            address: text('address'),
          },
          application: { description: text('description') ?? '', delivery: text('delivery') },
        },
      );
      window.alert(`已登记 ${created.id}。请告知申请人查询码：${created.queryCode ?? ''}`);
      navigate(`/console/requests/${created.id}`);
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '提交失败');
    }
  }

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
          <select id="delivery" name="delivery" defaultValue="paper-post">
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
