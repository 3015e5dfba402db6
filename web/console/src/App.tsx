import { useEffect, useState } from 'react';
import { api, setCsrfToken, type Session } from './api.ts';
import { navigate, usePath } from './router.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { CaseListPage } from './pages/CaseListPage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { RegisterPage } from './pages/RegisterPage.tsx';
import { NoticesPage } from './pages/NoticesPage.tsx';
import { DocumentsPage } from './pages/DocumentsPage.tsx';
import { DocumentPage } from './pages/DocumentPage.tsx';
import { MessagesPage } from './pages/MessagesPage.tsx';
import { NormativeRegisterPage } from './pages/NormativeRegisterPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { FiguresPage } from './pages/FiguresPage.tsx';
import { ReportAuditPage } from './pages/ReportAuditPage.tsx';
import { SeasonPage } from './pages/SeasonPage.tsx';
import { FilingPage } from './pages/FilingPage.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { StaffPage } from './pages/StaffPage.tsx';
import { ApprovalsPage } from './pages/ApprovalsPage.tsx';
import { NavBar } from './NavBar.tsx';
import { AdministrationPage } from './pages/AdministrationPage.tsx';
import { WorkRecordsPage } from './pages/WorkRecordsPage.tsx';
import { ChangePasswordForm } from './pages/ChangePasswordForm.tsx';

/** Each screen's own title, for the browser's tabs and history (and screen readers). */
const TITLES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/console\/requests\/new$/, '登记申请'],
  [/^\/console\/requests\/(YSQ-[\d-]+)$/, '申请 $1'],
  [/^\/console\/documents\/(DOC-[\d-]+)$/, '文件 $1'],
  [/^\/console\/documents$/, '主动公开'],
  [/^\/console\/normative-documents$/, '规范性文件'],
  [/^\/console\/messages$/, '公众留言'],
  [/^\/console\/notices$/, '通知邮件'],
  [/^\/console\/figures$/, '表二数据'],
  [/^\/console\/settings$/, '公开设置'],
  [/^\/console\/filing$/, '年报报送'],
  [/^\/console\/season$/, '报送进度'],
  [/^\/console\/audit$/, '年报核查'],
  [/^\/console\/staff$/, '工作人员'],
  [/^\/console\/approvals$/, '待审批'],
  [/^\/console\/administration$/, '机关与日历'],
  [/^\/console\/work-records$/, '工作记录'],
  [/^\/console\/account$/, '我的账号'],
];

export function pageTitle(path: string): string {
  for (const [pattern, title] of TITLES)
    if (pattern.test(path)) return `${path.replace(pattern, title)} - gongkai 工作台`;
  return '依申请公开办理 - gongkai 工作台';
}

export function App() {
  const path = usePath();
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    document.title = session === null ? '登录 - gongkai 工作台' : pageTitle(path);
  }, [path, session]);
  // Each role lands on its work: the supervising office on 报送进度, not an empty case list.
  useEffect(() => {
    const roles: readonly string[] = session?.account.roles ?? [];
    if (
      path === '/console/' &&
      !window.location.search &&
      !roles.includes('officer') &&
      roles.includes('supervisor')
    )
      navigate('/console/season');
  }, [path, session]);

  useEffect(() => {
    api<Session>('GET', '/api/session').then(
      (s) => {
        setCsrfToken(s.csrfToken);
        setSession(s);
      },
      () => setSession(null),
    );
  }, []);

  if (session === undefined) return <p className="loading">正在加载…</p>;
  if (session === null) {
    return (
      <LoginPage
        onSignedIn={(s) => {
          setCsrfToken(s.csrfToken);
          setSession(s);
        }}
      />
    );
  }
  const signOut = async () => {
    await api('DELETE', '/api/session');
    setSession(null);
  };
  if (session.mustChangePassword) {
    return (
      <main className="login">
        <h1>请先修改密码</h1>
        <p>
          {session.account.displayName}（{session.account.username}
          ）：这是管理员新建或重置的一次性密码，须改为只有您知道的密码后才能继续。
        </p>
        <ChangePasswordForm onChanged={() => setSession({ ...session, mustChangePassword: false })} />
        <button type="button" className="link" onClick={signOut}>
          退出
        </button>
      </main>
    );
  }
  const agencyId = session.account.agencyId;
  const caseMatch = /^\/console\/requests\/(YSQ-\d{4}-\d{5,7})$/.exec(path);
  const documentMatch = /^\/console\/documents\/(DOC-\d{4}-\d{5,7})$/.exec(path);
  return (
    <>
      <NavBar session={session} path={path} onSignOut={signOut} />
      <main>
        {path === '/console/account' ? (
          <AccountPage />
        ) : path === '/console/work-records' ? (
          <WorkRecordsPage agencyId={agencyId} today={session.today} />
        ) : path === '/console/administration' ? (
          <AdministrationPage agencyId={agencyId} />
        ) : path === '/console/approvals' ? (
          <ApprovalsPage agencyId={agencyId} today={session.today} />
        ) : path === '/console/staff' ? (
          <StaffPage agencyId={agencyId} ownId={session.account.id} />
        ) : documentMatch ? (
          <DocumentPage agencyId={agencyId} documentId={documentMatch[1]!} />
        ) : path === '/console/notices' ? (
          <NoticesPage agencyId={agencyId} />
        ) : path === '/console/messages' ? (
          <MessagesPage agencyId={agencyId} today={session.today} />
        ) : path === '/console/normative-documents' ? (
          <NormativeRegisterPage agencyId={agencyId} today={session.today} />
        ) : path === '/console/filing' ? (
          <FilingPage
            key={window.location.search}
            ownAgencyId={agencyId}
            today={session.today}
            username={session.account.username}
            roles={session.account.roles}
          />
        ) : path === '/console/season' ? (
          <SeasonPage
            agencyId={agencyId}
            today={session.today}
            canRun={session.account.roles.some((r) => r === 'admin' || r === 'supervisor')}
          />
        ) : path === '/console/audit' ? (
          <ReportAuditPage agencyId={agencyId} />
        ) : path === '/console/figures' ? (
          <FiguresPage agencyId={agencyId} today={session.today} />
        ) : path === '/console/settings' ? (
          <SettingsPage agencyId={agencyId} canEdit={session.account.roles.includes('admin')} />
        ) : path === '/console/documents' ? (
          <DocumentsPage agencyId={agencyId} today={session.today} />
        ) : caseMatch ? (
          <CasePage
            agencyId={agencyId}
            caseId={caseMatch[1]!}
            today={session.today}
            caseWorker={session.account.roles.includes('officer')}
            approver={session.account.roles.includes('approver')}
            username={session.account.username}
          />
        ) : path === '/console/requests/new' ? (
          <RegisterPage agencyId={agencyId} today={session.today} />
        ) : (
          <CaseListPage agencyId={agencyId} today={session.today} />
        )}
      </main>
    </>
  );
}
