/**
 * Every route × every role × own, child and foreign agency. A route added without an entry here fails
 * the first test, so access is decided for every new route.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshSqlite } from '../test-support/databases.ts';
import { createApp } from '../src/main/app.ts';
import { ROUTES } from '../src/platform/http/server.ts';
import { agencyRepository, staffRepository, type StaffRole } from '../src/features/agencies/index.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import type { IsoDate } from '../src/shared/domain/iso-date.ts';

/** `public-form`: anyone, but only with the form token the page issued (CSRF), so 403 without it. */
/** `signed-in`: any account, on its own things (its password, its sessions), so 401 without a session. */
type Access =
  | { kind: 'public' }
  | { kind: 'public-form' }
  | { kind: 'signed-in' }
  | { kind: 'staff'; allowed: readonly StaffRole[] };

interface Entry {
  readonly access: Access;
  /** A request for the route on agency `:agency` (replaced by the agency under test). */
  readonly sample: { method: string; url: string; body?: unknown };
}

const CASE = ':case';
const MATRIX: Record<string, Entry> = {
  'GET /api/health': { access: { kind: 'public' }, sample: { method: 'GET', url: '/api/health' } },
  'GET /favicon.svg': { access: { kind: 'public' }, sample: { method: 'GET', url: '/favicon.svg' } },
  'GET /favicon.ico': { access: { kind: 'public' }, sample: { method: 'GET', url: '/favicon.ico' } },
  'GET /api/agencies': { access: { kind: 'public' }, sample: { method: 'GET', url: '/api/agencies' } },
  'POST /api/session': {
    access: { kind: 'public' },
    sample: { method: 'POST', url: '/api/session', body: {} },
  },
  'GET /api/session': { access: { kind: 'public' }, sample: { method: 'GET', url: '/api/session' } },
  'DELETE /api/session': { access: { kind: 'public' }, sample: { method: 'DELETE', url: '/api/session' } },
  'POST /api/session/password': {
    access: { kind: 'signed-in' },
    sample: {
      method: 'POST',
      url: '/api/session/password',
      body: { currentPassword: 'x', newPassword: 'y' },
    },
  },
  'GET /api/session/sessions': {
    access: { kind: 'signed-in' },
    sample: { method: 'GET', url: '/api/session/sessions' },
  },
  'DELETE /api/session/sessions/:sessionId': {
    access: { kind: 'signed-in' },
    sample: { method: 'DELETE', url: '/api/session/sessions/0123456789abcdef' },
  },
  'GET /api/agencies/:agencyId/staff': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/staff' },
  },
  'POST /api/agencies/:agencyId/staff': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/staff',
      body: { username: 'matrix-new', displayName: '新同事', roles: ['officer'] },
    },
  },
  'POST /api/agencies/:agencyId/staff/:accountId/password-reset': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: { method: 'POST', url: '/api/agencies/:agency/staff/0123456789abcdef/password-reset' },
  },
  'PUT /api/agencies/:agencyId/staff/:accountId/roles': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: {
      method: 'PUT',
      url: '/api/agencies/:agency/staff/0123456789abcdef/roles',
      body: { roles: ['officer'] },
    },
  },
  'POST /api/agencies/:agencyId/staff/:accountId/status': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/staff/0123456789abcdef/status',
      body: { disabled: true },
    },
  },
  'GET /api/agencies/:agencyId/staff/:accountId/sessions': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/staff/0123456789abcdef/sessions' },
  },
  'DELETE /api/agencies/:agencyId/staff/:accountId/sessions/:sessionId': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: {
      method: 'DELETE',
      url: '/api/agencies/:agency/staff/0123456789abcdef/sessions/0123456789abcdef',
    },
  },
  'DELETE /api/agencies/:agencyId/staff/:accountId/sessions': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: { method: 'DELETE', url: '/api/agencies/:agency/staff/0123456789abcdef/sessions' },
  },
  'GET /api/agencies/:agencyId/reports/:year': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/api/agencies/:agency/reports/2025' },
  },
  'GET /api/agencies/:agencyId/reports/:year/cells/:cellId': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/api/agencies/:agency/reports/2025/cells/t3.r1.total' },
  },
  'POST /api/report-checks': {
    access: { kind: 'public' },
    sample: { method: 'POST', url: '/api/report-checks', body: {} },
  },
  'POST /api/public/agencies/:agencyId/applications': {
    access: { kind: 'public' },
    sample: { method: 'POST', url: '/api/public/agencies/:agency/applications', body: {} },
  },
  'POST /api/public/status': {
    access: { kind: 'public' },
    sample: { method: 'POST', url: '/api/public/status', body: {} },
  },
  'GET /api/agencies/:agencyId/requests': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/requests' },
  },
  'POST /api/agencies/:agencyId/requests': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/requests',
      body: {
        channel: 'in-person',
        submittedOn: '2025-03-03',
        applicant: { type: 'natural', name: '甲' },
        application: { description: '某项信息的公开', delivery: 'online' },
      },
    },
  },
  'GET /api/agencies/:agencyId/requests/:id': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: `/api/agencies/:agency/requests/${CASE}` },
  },
  'POST /api/agencies/:agencyId/requests/:id/files': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: { method: 'POST', url: `/api/agencies/:agency/requests/${CASE}/files`, body: {} },
  },
  'GET /api/agencies/:agencyId/requests/:id/files': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: `/api/agencies/:agency/requests/${CASE}/files` },
  },
  'GET /api/agencies/:agencyId/requests/:id/files/:fileId': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: `/api/agencies/:agency/requests/${CASE}/files/F01` },
  },
  'DELETE /api/agencies/:agencyId/requests/:id/files/:fileId': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: { method: 'DELETE', url: `/api/agencies/:agency/requests/${CASE}/files/F01` },
  },
  'GET /api/agencies/:agencyId/ledger/:year': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/ledger/2025' },
  },
  'GET /api/agencies/:agencyId/agencies': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/agencies' },
  },
  'POST /api/agencies/:agencyId/agencies': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/agencies',
      body: { id: 'matrix-new', name: '矩阵测试机关', level: 'department' },
    },
  },
  'PUT /api/agencies/:agencyId/agencies/:childId': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: {
      method: 'PUT',
      url: '/api/agencies/:agency/agencies/city-edu',
      body: { name: '某市教育局', level: 'department' },
    },
  },
  // The calendar is kept by an administrator of a top agency (the matrix's city is one).
  'GET /api/agencies/:agencyId/calendar': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/calendar' },
  },
  'POST /api/agencies/:agencyId/calendar/preview': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/calendar/preview',
      body: { year: 2027, text: '没有日期' },
    },
  },
  'POST /api/agencies/:agencyId/calendar/import': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/calendar/import',
      body: { year: 2027, text: '没有日期' },
    },
  },
  'GET /api/agencies/:agencyId/work-records': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/work-records?year=2025' },
  },
  'POST /api/agencies/:agencyId/work-records': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/work-records',
      body: { kind: 'hotline-calls', on: '2025-03-03', count: 3 },
    },
  },
  'POST /api/agencies/:agencyId/work-records/import': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/work-records/import',
      body: { text: '日期,类别,数量\n2025-03-03,政务热线来电,2' },
    },
  },
  'POST /api/agencies/:agencyId/work-records/:recordId/removal': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/work-records/GZ-2025-0123abcd/removal',
      body: { reason: '登记错误' },
    },
  },
  'GET /api/agencies/:agencyId/approvals': {
    access: { kind: 'staff', allowed: ['approver'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/approvals' },
  },
  'GET /api/agencies/:agencyId/case-workers': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/case-workers' },
  },
  'GET /api/agencies/:agencyId/notices': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/notices' },
  },
  'GET /api/agencies/:agencyId/notices/:noticeId': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/notices/00000000-0000-4000-8000-000000000000' },
  },
  'POST /api/agencies/:agencyId/notices/:noticeId/retry': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/notices/00000000-0000-4000-8000-000000000000/retry',
    },
  },
  'GET /api/agencies/:agencyId/requests/:id/letters': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: { method: 'GET', url: `/api/agencies/:agency/requests/${CASE}/letters` },
  },
  'GET /api/agencies/:agencyId/requests/:id/letters/:kind': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: { method: 'GET', url: `/api/agencies/:agency/requests/${CASE}/letters/reply` },
  },
  'GET /api/agencies/:agencyId/requests/:id/fee-quote': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: {
      method: 'GET',
      url: `/api/agencies/:agency/requests/${CASE}/fee-quote?method=per-page&pages=250`,
    },
  },
  'POST /api/agencies/:agencyId/requests/:id/actions': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: `/api/agencies/:agency/requests/${CASE}/actions`,
      body: { type: 'request-explanation', on: '2025-03-03' },
    },
  },
  'POST /api/agencies/:agencyId/documents': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/documents',
      body: {
        title: '某通知',
        formedOn: '2025-03-03',
        category: '其他',
        body: '正文',
        attribute: { attribute: 'proactive' },
      },
    },
  },
  'GET /api/agencies/:agencyId/documents': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/documents' },
  },
  'GET /api/agencies/:agencyId/documents/timeliness': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/documents/timeliness?year=2025' },
  },
  'GET /api/agencies/:agencyId/documents/:id': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/documents/DOC-2025-00001' },
  },
  'POST /api/agencies/:agencyId/documents/:id/steps': {
    access: { kind: 'staff', allowed: ['approver'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/documents/DOC-2025-00001/steps',
      body: { type: 'send-back', comment: '请修改' },
    },
  },
  'GET /api/agencies/:agencyId/requests/:id/proceedings': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: `/api/agencies/:agency/requests/${CASE}/proceedings` },
  },
  'POST /api/agencies/:agencyId/requests/:id/proceedings': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: `/api/agencies/:agency/requests/${CASE}/proceedings`,
      body: { kind: 'review', filedOn: '2025-03-03' },
    },
  },
  'POST /api/agencies/:agencyId/proceedings/:proceedingId/decision': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/proceedings/FY-2025-001/decision',
      body: { result: 'upheld', decidedOn: '2025-03-03' },
    },
  },
  'POST /api/agencies/:agencyId/proceedings/:proceedingId/correction': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/proceedings/FY-2025-001/correction',
      body: { filedOn: '2025-03-03', reason: '日期登记有误' },
    },
  },
  'POST /api/agencies/:agencyId/proceedings/:proceedingId/removal': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/proceedings/FY-2025-001/removal',
      body: { reason: '误登记' },
    },
  },
  'GET /agencies/:agencyId': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency' },
  },
  'GET /agencies/:agencyId/documents': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/documents?q=低保' },
  },
  'GET /agencies/:agencyId/documents/feed.atom': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/documents/feed.atom' },
  },
  'GET /agencies/:agencyId/documents/:id': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/documents/DOC-2025-00001' },
  },
  'GET /api/agencies/:agencyId/figures/:year': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/figures/2025' },
  },
  'PUT /api/agencies/:agencyId/figures/:year': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'PUT',
      url: '/api/agencies/:agency/figures/2025',
      body: { licensing: 10, penalty: 2, coercion: 0, adminFeesWan: 1.5 },
    },
  },
  'POST /api/agencies/:agencyId/requests/:id/to-proactive': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: `/api/agencies/:agency/requests/${CASE}/to-proactive`,
      body: { title: '某信息', category: '其他' },
    },
  },
  'GET /api/agencies/:agencyId/normative-documents': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/normative-documents?on=2025-03-03' },
  },
  'POST /api/agencies/:agencyId/normative-documents': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/normative-documents',
      body: { kind: 'normative_doc', title: '某规范性文件', issuedOn: '2025-03-03' },
    },
  },
  'POST /api/agencies/:agencyId/normative-documents/:id/events': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/normative-documents/GF-2025-001/events',
      body: { type: 'repeal', on: '2025-03-03' },
    },
  },
  'GET /api/agencies/:agencyId/disclosure-settings': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/disclosure-settings' },
  },
  'PUT /api/agencies/:agencyId/disclosure-settings': {
    access: { kind: 'staff', allowed: ['admin'] },
    sample: {
      method: 'PUT',
      url: '/api/agencies/:agency/disclosure-settings',
      body: {
        publicationLimitDays: 15,
        interpretationWithinDays: 3,
        messageAnswerDays: 10,
        categories: [
          { name: '其他', group: 'article-20' },
          { name: '政策解读', group: 'key-area' },
        ],
      },
    },
  },
  'GET /agencies/:agencyId/guide': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/guide' },
  },
  'GET /agencies/:agencyId/normative-documents': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/normative-documents?on=2025-03-03' },
  },
  'GET /agencies/:agencyId/normative-documents/compilation.:format': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/normative-documents/compilation.docx' },
  },
  'GET /sitemap.xml': { access: { kind: 'public' }, sample: { method: 'GET', url: '/sitemap.xml' } },
  'GET /agencies/:agencyId/sitemap.xml': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/sitemap.xml' },
  },
  'GET /api/agencies/:agencyId/messages': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/messages' },
  },
  'POST /api/agencies/:agencyId/messages/:id/answer': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/messages/LY-2025-00001/answer',
      body: { text: '答复', publish: false },
    },
  },
  'POST /api/agencies/:agencyId/messages/:id/publication': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/messages/LY-2025-00001/publication',
      body: { published: true },
    },
  },
  'GET /agencies/:agencyId/messages': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/messages' },
  },
  'POST /agencies/:agencyId/messages': {
    access: { kind: 'public-form' },
    sample: { method: 'POST', url: '/agencies/:agency/messages', body: {} },
  },
  'POST /agencies/:agencyId/messages/lookup': {
    access: { kind: 'public-form' },
    sample: { method: 'POST', url: '/agencies/:agency/messages/lookup', body: {} },
  },
  'POST /api/agencies/:agencyId/documents/:id/attachments': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: { method: 'POST', url: '/api/agencies/:agency/documents/DOC-2025-00001/attachments' },
  },
  'GET /api/agencies/:agencyId/documents/:id/attachments': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/documents/DOC-2025-00001/attachments' },
  },
  'GET /api/agencies/:agencyId/documents/:id/attachments/:attachmentId': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/documents/DOC-2025-00001/attachments/A01' },
  },
  'DELETE /api/agencies/:agencyId/documents/:id/attachments/:attachmentId': {
    access: { kind: 'staff', allowed: ['officer'] },
    sample: { method: 'DELETE', url: '/api/agencies/:agency/documents/DOC-2025-00001/attachments/A01' },
  },
  'GET /agencies/:agencyId/documents/:id/attachments/:attachmentId': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/documents/DOC-2025-00001/attachments/A01' },
  },
  'POST /api/agencies/:agencyId/report-audits': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'POST', url: '/api/agencies/:agency/report-audits' },
  },
  'POST /api/agencies/:agencyId/report-audits/batch': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'POST', url: '/api/agencies/:agency/report-audits/batch' },
  },
  'POST /api/agencies/:agencyId/seasons': {
    access: { kind: 'staff', allowed: ['supervisor', 'admin'] },
    sample: { method: 'POST', url: '/api/agencies/:agency/seasons', body: { year: 2024, deadlines: {} } },
  },
  'GET /api/agencies/:agencyId/seasons/:year': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/seasons/2024' },
  },
  'POST /api/agencies/:agencyId/seasons/:year/reminders': {
    access: { kind: 'staff', allowed: ['supervisor', 'admin'] },
    sample: { method: 'POST', url: '/api/agencies/:agency/seasons/2024/reminders', body: {} },
  },
  'GET /api/agencies/:agencyId/filings/:year': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/filings/2024' },
  },
  'POST /api/agencies/:agencyId/filings/:year': {
    access: { kind: 'staff', allowed: ['approver', 'admin'] },
    sample: { method: 'POST', url: '/api/agencies/:agency/filings/2023', body: { explanations: {} } },
  },
  'POST /api/agencies/:agencyId/filings/:year/import': {
    access: { kind: 'staff', allowed: ['approver', 'admin'] },
    sample: { method: 'POST', url: '/api/agencies/:agency/filings/2023/import' },
  },
  'GET /api/agencies/:agencyId/filings/:year/versions/:version': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/filings/2024/versions/1' },
  },
  'GET /api/agencies/:agencyId/filings/:year/cells/:cellId': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/filings/2024/cells/t3.r1.total' },
  },
  'POST /api/agencies/:agencyId/filings/:year/corrections': {
    access: { kind: 'staff', allowed: ['approver', 'admin'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/filings/2024/corrections',
      body: { reason: '补录漏登的申请，需要重新报送' },
    },
  },
  'GET /api/agencies/:agencyId/evidence/:year': {
    access: { kind: 'staff', allowed: ['officer', 'approver', 'supervisor', 'admin'] },
    sample: { method: 'GET', url: '/api/agencies/:agency/evidence/2024' },
  },
  'POST /api/agencies/:agencyId/corrections/:correctionId/decision': {
    access: { kind: 'staff', allowed: ['approver', 'admin'] },
    sample: {
      method: 'POST',
      url: '/api/agencies/:agency/corrections/no-such-correction/decision',
      body: { approve: true },
    },
  },
  'GET /': { access: { kind: 'public' }, sample: { method: 'GET', url: '/' } },
  'GET /published-reports/compare': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/published-reports/compare' },
  },
  'GET /agencies/:agencyId/published-reports/trend': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/published-reports/trend' },
  },
  'GET /published-reports': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/published-reports' },
  },
  'GET /agencies/:agencyId/published-reports/:year': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/published-reports/2024' },
  },
  'GET /agencies/:agencyId/published-reports/:year/report.:format': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/published-reports/2024/report.pdf' },
  },
  'GET /agencies/:agencyId/published-reports/:year/cells/:cellId': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/published-reports/2024/cells/t3.r1.total' },
  },
  'GET /open-data/filed-reports/:year.:format': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/open-data/filed-reports/2024.csv' },
  },
  'GET /agencies/:agencyId/reports/:year': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/reports/2025' },
  },
  'GET /agencies/:agencyId/reports/:year/cells/:cellId': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/reports/2025/cells/t3.r1.total' },
  },
  'GET /agencies/:agencyId/apply': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/apply' },
  },
  'GET /agencies/:agencyId/apply/receipt': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/agencies/:agency/apply/receipt?s=AAAAAAAAAAAAAAAAAAAAAA' },
  },
  'POST /agencies/:agencyId/apply': {
    access: { kind: 'public-form' },
    sample: { method: 'POST', url: '/agencies/:agency/apply', body: {} },
  },
  'GET /status': { access: { kind: 'public' }, sample: { method: 'GET', url: '/status' } },
  'POST /status': { access: { kind: 'public-form' }, sample: { method: 'POST', url: '/status', body: {} } },
  'POST /status/clarification': {
    access: { kind: 'public-form' },
    sample: { method: 'POST', url: '/status/clarification', body: {} },
  },
  'POST /status/paid': {
    access: { kind: 'public-form' },
    sample: { method: 'POST', url: '/status/paid', body: {} },
  },
  'POST /status/waiver': {
    access: { kind: 'public-form' },
    sample: { method: 'POST', url: '/status/waiver', body: {} },
  },
  'POST /status/withdraw': {
    access: { kind: 'public-form' },
    sample: { method: 'POST', url: '/status/withdraw', body: {} },
  },
  'POST /status/file': {
    access: { kind: 'public-form' },
    sample: { method: 'POST', url: '/status/file', body: {} },
  },
  'POST /status/letter': {
    access: { kind: 'public-form' },
    sample: { method: 'POST', url: '/status/letter', body: {} },
  },
  'GET /api/docs': { access: { kind: 'public' }, sample: { method: 'GET', url: '/api/docs' } },
  'GET /api/docs/json': { access: { kind: 'public' }, sample: { method: 'GET', url: '/api/docs/json' } },
  'GET /api/docs/yaml': { access: { kind: 'public' }, sample: { method: 'GET', url: '/api/docs/yaml' } },
  'GET /api/docs/static/index.html': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/api/docs/static/index.html' },
  },
  'GET /api/docs/static/swagger-initializer.js': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/api/docs/static/swagger-initializer.js' },
  },
  'GET /api/docs/static/*': {
    access: { kind: 'public' },
    sample: { method: 'GET', url: '/api/docs/static/swagger-ui.css' },
  },
  'GET /console': { access: { kind: 'public' }, sample: { method: 'GET', url: '/console' } },
  'GET /console/*': { access: { kind: 'public' }, sample: { method: 'GET', url: '/console/requests' } },
};

const ROLES: readonly StaffRole[] = ['officer', 'approver', 'supervisor', 'admin'];
let handle: DatabaseHandle;
let app: FastifyInstance;
const sessions = new Map<string, { cookie: string; csrf: string }>();
const cases = new Map<string, string>();

before(async () => {
  handle = await freshSqlite();
  const agencies = agencyRepository(handle.db);
  await agencies.create({ id: 'city', name: '某市政府办公室' }, 'now');
  await agencies.create({ id: 'city-edu', name: '某市教育局', parentId: 'city' }, 'now');
  await agencies.create({ id: 'other', name: '另一市' }, 'now');
  const staff = staffRepository(handle.db);
  for (const agency of ['city', 'other'])
    for (const role of ROLES)
      await staff.create(
        {
          agencyId: agency,
          username: `${role}@${agency}`,
          displayName: role,
          roles: [role],
          password: 'password-123456',
        },
        'now',
      );
  app = await createApp(handle, {
    clock: { today: () => '2025-03-03' as IsoDate, now: () => '2025-03-03T02:00:00.000Z' },
  });
  for (const agency of ['city', 'other']) {
    for (const role of ROLES) {
      const login = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: `${role}@${agency}`, password: 'password-123456' },
      });
      sessions.set(`${role}@${agency}`, {
        cookie: String(login.headers['set-cookie']).split(';')[0] ?? '',
        csrf: login.json().csrfToken,
      });
    }
  }
  for (const agency of ['city', 'city-edu', 'other']) {
    const officer = sessions.get(`officer@${agency === 'other' ? 'other' : 'city'}`)!;
    const created = await app.inject({
      method: 'POST',
      url: `/api/agencies/${agency}/requests`,
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf },
      payload: MATRIX['POST /api/agencies/:agencyId/requests']!.sample.body as object,
    });
    cases.set(agency, created.json().id);
  }
});
after(async () => {
  await app?.close();
  await handle?.close();
});

const needsSession = (entry: Entry) => entry.access.kind === 'staff' || entry.access.kind === 'signed-in';
const firstRole = (entry: Entry): StaffRole =>
  entry.access.kind === 'staff' ? entry.access.allowed[0]! : 'officer';

function sampleFor(entry: Entry, agency: string) {
  return {
    method: entry.sample.method as 'GET',
    url: entry.sample.url.replace(':agency', agency).replace(CASE, cases.get(agency) ?? 'YSQ-2025-00001'),
    ...(entry.sample.body !== undefined ? { payload: entry.sample.body as object } : {}),
  };
}

test('every registered route has an entry in the access matrix', () => {
  const registered = app[ROUTES].map((r) => `${r.method} ${r.url}`).filter(
    (r) => !r.startsWith('GET /console/') || r === 'GET /console/*',
  );
  const missing = registered.filter((r) => !(r in MATRIX) && !r.startsWith('GET /console/assets'));
  assert.deepEqual([...new Set(missing)], []);
  assert.ok(registered.length >= Object.keys(MATRIX).length - 2, `only ${registered.length} routes seen`);
});

test('staff routes: anonymous 401; a foreign agency 403; a role without the permission 403; own agency and agencies below it allowed', async () => {
  for (const [route, entry] of Object.entries(MATRIX)) {
    if (entry.access.kind !== 'staff') continue;
    const anonymous = await app.inject(sampleFor(entry, 'city'));
    assert.equal(anonymous.statusCode, 401, `${route} anonymous`);
    for (const role of ROLES) {
      const own = sessions.get(`${role}@city`)!;
      const headers = { cookie: own.cookie, 'x-csrf-token': own.csrf };
      for (const agency of ['city', 'city-edu']) {
        const response = await app.inject({ ...sampleFor(entry, agency), headers });
        const allowed = entry.access.allowed.includes(role);
        if (allowed)
          assert.ok(
            ![401, 403].includes(response.statusCode),
            `${route} ${role}@city on ${agency}: ${response.statusCode} ${response.body}`,
          );
        else assert.equal(response.statusCode, 403, `${route} ${role}@city on ${agency} must be refused`);
      }
      const foreign = sessions.get(`${role}@other`)!;
      const response = await app.inject({
        ...sampleFor(entry, 'city'),
        headers: { cookie: foreign.cookie, 'x-csrf-token': foreign.csrf },
      });
      assert.equal(response.statusCode, 403, `${route} ${role}@other on city must be refused`);
    }
  }
});

test('every state-changing staff route refuses a signed-in request without the CSRF token of its session', async () => {
  let checked = 0;
  for (const [route, entry] of Object.entries(MATRIX)) {
    if (!needsSession(entry) || ['GET', 'HEAD'].includes(entry.sample.method)) continue;
    const role = firstRole(entry);
    const own = sessions.get(`${role}@city`)!;
    const other = sessions.get(`${role}@other`)!;
    for (const token of [undefined, other.csrf, '']) {
      const response = await app.inject({
        ...sampleFor(entry, 'city'),
        headers: { cookie: own.cookie, ...(token !== undefined ? { 'x-csrf-token': token } : {}) },
      });
      assert.deepEqual(
        [response.statusCode, response.json().error?.code],
        [403, 'csrf-token-invalid'],
        `${route} with ${token === undefined ? 'no token' : token ? "another session's token" : 'an empty token'}`,
      );
    }
    checked++;
  }
  assert.ok(checked >= 20, `only ${checked} state-changing staff routes`);
});

/** The same route written as a router may still read it: percent-encoded, with doubled slashes, in capitals. */
function disguises(url: string): string[] {
  return [
    url.replace('/api/', '/%61pi/'),
    url.replace('/api/agencies/', '/api/%61gencies/'),
    url.replace(/\/([a-z])/g, (_, c: string) => `/%${c.charCodeAt(0).toString(16)}`),
    url.replace('/api/', '//api/'),
    url.replace('/api/', '/api//'),
    url.replace('/api/', '/API/'),
  ];
}

test('CSRF is decided on the route that runs: an encoded, doubled-slash or capitalised path is no way around it', async () => {
  let checked = 0;
  for (const [route, entry] of Object.entries(MATRIX)) {
    if (!needsSession(entry) || ['GET', 'HEAD'].includes(entry.sample.method)) continue;
    const own = sessions.get(`${firstRole(entry)}@city`)!;
    const sample = sampleFor(entry, 'city');
    for (const url of disguises(sample.url)) {
      const response = await app.inject({ ...sample, url, headers: { cookie: own.cookie } });
      const code = response.statusCode === 404 ? 'not-found' : response.json().error?.code;
      assert.ok(
        (response.statusCode === 403 && code === 'csrf-token-invalid') || response.statusCode === 404,
        `${route} as ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`,
      );
      checked++;
    }
  }
  assert.ok(checked >= 120, `only ${checked} disguised requests`);
});

test('a state-changing API request from another site is refused even with the session and its token', async () => {
  const entry = MATRIX['POST /api/agencies/:agencyId/requests']!;
  const own = sessions.get('officer@city')!;
  const headers = { cookie: own.cookie, 'x-csrf-token': own.csrf };
  for (const from of [
    { 'sec-fetch-site': 'same-site' },
    { 'sec-fetch-site': 'cross-site' },
    { origin: 'https://evil.example' },
    { origin: 'null' },
  ]) {
    const response = await app.inject({ ...sampleFor(entry, 'city'), headers: { ...headers, ...from } });
    assert.deepEqual(
      [response.statusCode, response.json().error.code],
      [403, 'cross-site-request'],
      JSON.stringify(from),
    );
  }
  const sameOrigin = await app.inject({
    ...sampleFor(entry, 'city'),
    headers: {
      ...headers,
      'sec-fetch-site': 'same-origin',
      origin: 'http://localhost:80',
      host: 'localhost:80',
    },
  });
  assert.equal(sameOrigin.statusCode, 201, sameOrigin.body);
});

test('routes on one’s own account: anonymous 401, every role allowed', async () => {
  let checked = 0;
  for (const [route, entry] of Object.entries(MATRIX)) {
    if (entry.access.kind !== 'signed-in') continue;
    assert.equal((await app.inject(sampleFor(entry, 'city'))).statusCode, 401, `${route} anonymous`);
    for (const role of ROLES) {
      const own = sessions.get(`${role}@city`)!;
      const response = await app.inject({
        ...sampleFor(entry, 'city'),
        headers: { cookie: own.cookie, 'x-csrf-token': own.csrf },
      });
      assert.ok(
        ![401, 403].includes(response.statusCode),
        `${route} ${role}: ${response.statusCode} ${response.body}`,
      );
    }
    checked++;
  }
  assert.equal(checked, 3);
});

test('public routes answer without a session and never with 401 or 403', async () => {
  for (const [route, entry] of Object.entries(MATRIX)) {
    if (entry.access.kind !== 'public') continue;
    const response = await app.inject(sampleFor(entry, 'city'));
    if (route === 'GET /api/session') assert.equal(response.statusCode, 401, route);
    else assert.ok(![401, 403, 500].includes(response.statusCode), `${route}: ${response.statusCode}`);
  }
});

test('public forms refuse a post without the token their page issued', async () => {
  for (const [route, entry] of Object.entries(MATRIX)) {
    if (entry.access.kind !== 'public-form') continue;
    assert.equal((await app.inject(sampleFor(entry, 'city'))).statusCode, 403, route);
  }
});

test('the public status shows nothing without the matching query code, for every case of every agency', async () => {
  for (const [agency, id] of cases) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/public/status',
      payload: { agencyId: agency, id, queryCode: 'ABCDEFGHJKLM' },
    });
    assert.equal(response.statusCode, 404);
    assert.ok(!response.body.includes('甲'));
  }
});
