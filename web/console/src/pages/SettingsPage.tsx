import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';

interface Category {
  name: string;
  group: 'article-20' | 'key-area' | 'agency';
  description?: string;
}

interface Contact {
  office: string;
  address: string;
  hours: string;
  phone: string;
  postcode?: string;
  email?: string;
}

interface Settings {
  publicationLimitDays: number;
  interpretationWithinDays: number;
  messageAnswerDays: number;
  confirmationAlertWorkingDays: number;
  separationOfDuties?: boolean;
  categories: Category[];
  contact?: Contact;
  letters?: LetterSettings;
  indexNumberPrefix?: string;
  guideNotes?: string;
}

interface LetterSettings {
  referencePrefix?: string;
  reconsiderationOrgan?: string;
  feePayment?: string;
}

const LETTER_FIELDS: Array<[keyof LetterSettings, string, string]> = [
  ['referencePrefix', '文号代字', '如：示范局依申请公开 → 示范局依申请公开〔2026〕第12号；不填则用机关全称'],
  [
    'reconsiderationOrgan',
    '行政复议机关（垂直管理等机关填写）',
    '不填则按层级确定：工作部门为本级人民政府，人民政府为上一级人民政府',
  ],
  ['feePayment', '信息处理费缴费方式', '收费通知书的默认缴费方式，如缴款码、账户、现场缴纳地点'],
];

const GROUP_LABELS: Record<Category['group'], string> = {
  'article-20': '第二十条',
  'key-area': '重点领域',
  agency: '本机关',
};

const CONTACT_FIELDS: Array<[keyof Contact, string]> = [
  ['office', '受理机构'],
  ['address', '地址'],
  ['postcode', '邮编'],
  ['hours', '办公时间'],
  ['phone', '电话'],
  ['email', '电子邮箱'],
];

/** The agency's disclosure settings: local limits, the catalogue, the guide's contact and notes. */
export function SettingsPage({ agencyId, canEdit }: { agencyId: string; canEdit: boolean }) {
  const path = `/api/agencies/${agencyId}/disclosure-settings`;
  const [settings, setSettings] = useState<Settings | undefined>();
  const [categories, setCategories] = useState<Category[]>([]);
  const [message, setMessage] = useState('');
  useEffect(() => {
    api<{ settings: Settings }>('GET', path).then(
      (r) => {
        setSettings(r.settings);
        setCategories(r.settings.categories);
      },
      () => setMessage('加载失败'),
    );
  }, [path]);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (name: string) => String(f.get(name) ?? '').trim();
    const contact = Object.fromEntries(CONTACT_FIELDS.map(([key]) => [key, text(key)]).filter(([, v]) => v));
    const letters = Object.fromEntries(LETTER_FIELDS.map(([key]) => [key, text(key)]).filter(([, v]) => v));
    try {
      const saved = await api<{ settings: Settings }>('PUT', path, {
        publicationLimitDays: Number(text('publicationLimitDays')),
        interpretationWithinDays: Number(text('interpretationWithinDays')),
        messageAnswerDays: Number(text('messageAnswerDays')),
        confirmationAlertWorkingDays: Number(text('confirmationAlertWorkingDays')),
        separationOfDuties: f.get('separationOfDuties') === 'on',
        categories: categories.filter((c) => c.name.trim()),
        ...(text('office') ? { contact } : {}),
        ...(Object.keys(letters).length > 0 ? { letters } : {}),
        ...(text('indexNumberPrefix') ? { indexNumberPrefix: text('indexNumberPrefix') } : {}),
        ...(text('guideNotes') ? { guideNotes: text('guideNotes') } : {}),
      });
      setSettings(saved.settings);
      setCategories(saved.settings.categories);
      setMessage('已保存');
    } catch (failure) {
      setMessage(failure instanceof ApiFailure ? failure.message : '保存失败');
    }
  }

  if (!settings) return <p>{message || '正在加载…'}</p>;
  const number = (name: keyof Settings, label: string, max: number) => (
    <div className="field">
      <label htmlFor={`s-${name}`}>{label}</label>
      <input
        id={`s-${name}`}
        name={name}
        type="number"
        min={0}
        max={max}
        defaultValue={String(settings[name])}
        required
      />
    </div>
  );
  return (
    <section>
      <h1>公开设置</h1>
      {!canEdit && <p>只有管理员可以修改公开设置。</p>}
      <form className="register" onSubmit={save}>
        <fieldset disabled={!canEdit}>
          <legend>时限</legend>
          {number('publicationLimitDays', '主动公开发布时限（工作日，不超过20）', 20)}
          {number('interpretationWithinDays', '政策解读同步发布的期限（工作日）', 20)}
          {number('messageAnswerDays', '公众留言答复期限（工作日）', 60)}
          {number('confirmationAlertWorkingDays', '网上、传真、信函申请未确认收到的提醒（工作日）', 20)}
          <div className="field">
            <label>
              <input
                type="checkbox"
                name="separationOfDuties"
                defaultChecked={settings.separationOfDuties ?? true}
              />{' '}
              审批分离：延长答复期限、确定合理答复期限由经办人提出，由另一名审批人审批（本人提出或经办的不能自己审批）
            </label>
          </div>
        </fieldset>
        <fieldset disabled={!canEdit}>
          <legend>公开目录</legend>
          <table className="cases">
            <thead>
              <tr>
                <th>类别</th>
                <th>分组</th>
                <th>说明</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {categories.map((c, i) => {
                const update = (change: Partial<Category>) =>
                  setCategories(categories.map((x, j) => (j === i ? { ...x, ...change } : x)));
                return (
                  <tr key={i}>
                    <td>
                      <input
                        aria-label="类别名称"
                        value={c.name}
                        onChange={(e) => update({ name: e.target.value })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label="分组"
                        value={c.group}
                        onChange={(e) => update({ group: e.target.value as Category['group'] })}
                      >
                        {Object.entries(GROUP_LABELS).map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label="说明"
                        value={c.description ?? ''}
                        onChange={(e) => update({ description: e.target.value })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        onClick={() => setCategories(categories.filter((_, j) => j !== i))}
                      >
                        删除
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="button" onClick={() => setCategories([...categories, { name: '', group: 'agency' }])}>
            添加类别
          </button>
        </fieldset>
        <fieldset disabled={!canEdit}>
          <legend>公开指南：受理机构</legend>
          {CONTACT_FIELDS.map(([key, label]) => (
            <div className="field" key={key}>
              <label htmlFor={`s-${key}`}>{label}</label>
              <input id={`s-${key}`} name={key} defaultValue={settings.contact?.[key] ?? ''} />
            </div>
          ))}
          <div className="field">
            <label htmlFor="s-indexNumberPrefix">
              索引号前缀（未填写索引号的文件按“前缀/年份-序号”生成）
            </label>
            <input
              id="s-indexNumberPrefix"
              name="indexNumberPrefix"
              placeholder="如本机关的统一社会信用代码"
              defaultValue={settings.indexNumberPrefix ?? ''}
            />
          </div>
          <div className="field">
            <label htmlFor="s-guideNotes">公开指南的其他说明</label>
            <textarea id="s-guideNotes" name="guideNotes" rows={4} defaultValue={settings.guideNotes ?? ''} />
          </div>
        </fieldset>
        <fieldset disabled={!canEdit}>
          <legend>依申请公开文书</legend>
          <p className="hint">告知书载明上方受理机构的联系方式；未填写联系方式时不能出具文书。</p>
          {LETTER_FIELDS.map(([key, label, hint]) => (
            <div className="field" key={key}>
              <label htmlFor={`s-${key}`}>{label}</label>
              <input
                id={`s-${key}`}
                name={key}
                placeholder={hint}
                defaultValue={settings.letters?.[key] ?? ''}
              />
            </div>
          ))}
        </fieldset>
        {message && (
          <p className={message === '已保存' ? 'ok' : 'error'} role="status">
            {message}
          </p>
        )}
        {canEdit && <button type="submit">保存</button>}
      </form>
    </section>
  );
}
