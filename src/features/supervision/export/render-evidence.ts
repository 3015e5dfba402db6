/** The evaluator evidence as one document: DOCX to file with the evaluation, PDF to send. */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { renderPdf } from '../../../platform/rendering/pdf.ts';
import { evidenceRows, type EvaluatorEvidence } from '../domain/evaluator-evidence.ts';

export function evidenceTitle(evidence: EvaluatorEvidence): string {
  return `${evidence.agency.name}${evidence.year}年度政务公开评估佐证材料`;
}

const HEADER = ['评估指标', '本机关数据', '统计口径'] as const;

export async function renderEvidenceDocx(evidence: EvaluatorEvidence): Promise<Buffer> {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 22 })] })] });
  const rows = evidenceRows(evidence);
  const document = new Document({
    creator: 'gongkai',
    title: evidenceTitle(evidence),
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: evidenceTitle(evidence), bold: true, size: 32 })],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: HEADER.map((h) => cell(h, true)) }),
              ...rows.map(
                (r) => new TableRow({ children: [cell(r.indicator, true), cell(r.value), cell(r.basis)] }),
              ),
            ],
          }),
          new Paragraph({
            spacing: { before: 240 },
            children: [
              new TextRun({
                text: `由 gongkai 依据本机关的办理记录、发布记录和报送记录于 ${evidence.generatedOn} 生成。`,
                size: 20,
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export function renderEvidencePdf(evidence: EvaluatorEvidence): Promise<Buffer> {
  const rows = evidenceRows(evidence);
  return renderPdf({
    info: { title: evidenceTitle(evidence), creator: 'gongkai' },
    pageSize: 'A4',
    pageMargins: [50, 60, 50, 60],
    defaultStyle: { fontSize: 10.5, lineHeight: 1.4 },
    content: [
      { text: evidenceTitle(evidence), fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 14] },
      {
        table: {
          headerRows: 1,
          widths: [90, 150, '*'],
          body: [
            HEADER.map((h) => ({ text: h, bold: true })),
            ...rows.map((r) => [{ text: r.indicator, bold: true }, r.value, r.basis]),
          ],
        },
      },
      {
        text: `由 gongkai 依据本机关的办理记录、发布记录和报送记录于 ${evidence.generatedOn} 生成。`,
        fontSize: 9,
        margin: [0, 14, 0, 0],
      },
    ],
  });
}
