import type { AnnualReport } from '../domain/annual-report.ts';

export function reportTitle(report: Pick<AnnualReport, 'year' | 'agency'>): string {
  return `${report.agency.name}${report.year}年政府信息公开工作年度报告`;
}

export function checkStatusLabel(status: string): string {
  return (
    (
      { pass: '通过', fail: '未通过', incomplete: '数据不全', 'not-applicable': '未检查' } as Record<
        string,
        string
      >
    )[status] ?? status
  );
}

export function severityLabel(severity: string): string {
  return ({ error: '错误', warning: '警告', info: '提示' } as Record<string, string>)[severity] ?? severity;
}
