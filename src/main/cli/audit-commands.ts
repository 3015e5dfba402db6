/** `gongkai audit <files…> [--json]`: read published reports and check their tables. */
import type { Command } from 'commander';
import { lazyAction } from './output.ts';
import type { CliIo } from './report-commands.ts';

/** The command's actions, loaded when one runs. */
const load = () => import('./audit-actions.ts');

export function registerAuditCommands(program: Command, io: CliIo): void {
  program
    .command('audit')
    .description('读取已发布的年度报告（TXT、HTML、MHT、DOCX、PDF、XLSX），核对表格的勾稽关系')
    .argument('[files...]', '年度报告文件')
    .option('--json', '输出每份报告的 JSON（cells、sources、unread、checks）')
    .option(
      '--previous <file>',
      '上一年度的报告：核对结转（R6、R7），用其“结转下年度”拆分连在一起的“上年结转”，并计算与上年相同的文字比例',
    )
    .option(
      '--batch <folder>',
      '批量核查一个文件夹（或每行一个路径的清单）中的全部报告；可中断后继续；同一机关相邻年度的报告互相核对结转',
    )
    .option('--out <file>', '批量核查的结果文件（.csv 或 .xlsx），每份报告一行')
    .option('--summary <file>', '批量核查的汇总页（HTML，含各规则未通过次数的图）')
    .option('--parent <file>', '上级（汇总）报告：核对所给下级报告之和与它是否相符')
    .option('--expect-children <file>', '应当报送的下级机关名单（每行一个），列出缺少的')
    .action(lazyAction(load, 'runAudit', io));
}
