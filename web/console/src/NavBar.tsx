import { useEffect, useRef } from 'react';
import { navigate } from './router.ts';
import type { Session } from './api.ts';

type Item = readonly [href: string, label: string];

/** The console's menus, by the work they belong to; each role sees the screens it may use. */
function menus(roles: readonly string[]): ReadonlyArray<readonly [string, readonly Item[]]> {
  const has = (role: string) => roles.includes(role);
  return [
    [
      '依申请公开',
      [
        ['/console/', '申请列表'],
        ...(has('officer') ? ([['/console/requests/new', '登记申请']] as const) : []),
        ...(has('approver') ? ([['/console/approvals', '待审批']] as const) : []),
        ['/console/notices', '通知邮件'],
      ],
    ],
    [
      '主动公开',
      [
        ['/console/documents', '公开文件'],
        ['/console/normative-documents', '规范性文件'],
        ['/console/messages', '公众留言'],
      ],
    ],
    [
      '年度报告',
      [
        ['/console/figures', '表二数据'],
        ['/console/work-records', '工作记录'],
        ['/console/filing', '年报报送'],
        ['/console/season', '报送进度'],
        ['/console/audit', '年报核查'],
      ],
    ],
    [
      '管理',
      [
        ['/console/settings', '公开设置'],
        ...(has('admin')
          ? ([
              ['/console/staff', '工作人员'],
              ['/console/administration', '机关与日历'],
            ] as const)
          : []),
      ],
    ],
  ];
}

function Menu({ label, items, path }: { label: string; items: readonly Item[]; path: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  // A menu closes when one goes elsewhere, and when one clicks outside it.
  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, []);
  const current = items.some(([href]) => href === path);
  return (
    <details ref={ref} className={current ? 'menu current' : 'menu'}>
      <summary>{label}</summary>
      <ul>
        {items.map(([href, itemLabel]) => (
          <li key={href}>
            <a
              href={href}
              aria-current={href === path ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                if (ref.current) ref.current.open = false;
                navigate(href);
              }}
            >
              {itemLabel}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function NavBar({
  session,
  path,
  onSignOut,
}: {
  session: Session;
  path: string;
  onSignOut: () => void;
}) {
  const agencyId = session.account.agencyId;
  return (
    <header className="bar">
      <a href="/console/" onClick={(e) => (e.preventDefault(), navigate('/console/'))} className="brand">
        gongkai 工作台
      </a>
      <nav aria-label="工作台菜单">
        {menus(session.account.roles).map(([label, items]) => (
          <Menu key={label} label={label} items={items} path={path} />
        ))}
        {/* The agency's page on the public portal (its reports among them) opens beside the console. */}
        <a href={`/agencies/${agencyId}`} target="_blank" rel="noopener" title="在门户中打开（新窗口）">
          本机关门户
        </a>
      </nav>
      <span className="who">
        <a
          href="/console/account"
          title="我的账号：修改密码、登录会话"
          onClick={(e) => (e.preventDefault(), navigate('/console/account'))}
        >
          {session.account.displayName}（{session.account.roleLabels.join('、')}）
        </a>
        <button type="button" className="link" onClick={onSignOut}>
          退出
        </button>
      </span>
    </header>
  );
}
