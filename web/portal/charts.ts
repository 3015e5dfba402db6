/**
 * Charts drawn on the server as SVG — no script, readable without JavaScript — each with a title for
 * screen readers; the pages print the same numbers in a table next to them.
 */
import { raw, type SafeHtml } from './page-layout.ts';

/** Colours told apart with the common colour-vision deficiencies (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999999'];

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const LABEL_WIDTH = 220;
const BAR_HEIGHT = 18;
const GAP = 6;

function frame(title: string, width: number, height: number, body: string): SafeHtml {
  return raw(
    `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-labelledby="t-${hash(title)}"><title id="t-${hash(title)}">${escapeXml(title)}</title>${body}</svg><figcaption>${escapeXml(title)}</figcaption></figure>`,
  );
}

function hash(text: string): string {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h.toString(36);
}

/** One horizontal bar per row, the value written after it. */
export function barChart(
  title: string,
  rows: ReadonlyArray<{ label: string; value: number }>,
  width = 720,
): SafeHtml {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const plot = width - LABEL_WIDTH - 70;
  const body = rows
    .map((r, i) => {
      const y = i * (BAR_HEIGHT + GAP);
      const w = Math.round((r.value / max) * plot);
      return `<text x="${LABEL_WIDTH - 6}" y="${y + 13}" text-anchor="end" font-size="12">${escapeXml(r.label)}</text><rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR_HEIGHT}" fill="${PALETTE[0]}"/><text x="${LABEL_WIDTH + w + 4}" y="${y + 13}" font-size="12">${r.value}</text>`;
    })
    .join('');
  return frame(title, width, Math.max(1, rows.length) * (BAR_HEIGHT + GAP), body);
}

/** One bar per row split into its parts as shares of the row's total (a 100% stacked bar), with a legend. */
export function shareChart(
  title: string,
  parts: readonly string[],
  rows: ReadonlyArray<{ label: string; values: readonly number[] }>,
  width = 720,
): SafeHtml {
  const plot = width - LABEL_WIDTH - 10;
  const legend = parts
    .map(
      (p, k) =>
        `<rect x="${LABEL_WIDTH + k * 80}" y="0" width="12" height="12" fill="${PALETTE[k % PALETTE.length]}"/><text x="${LABEL_WIDTH + k * 80 + 16}" y="11" font-size="12">${escapeXml(p)}</text>`,
    )
    .join('');
  const bars = rows
    .map((r, i) => {
      const y = 22 + i * (BAR_HEIGHT + GAP);
      const total = r.values.reduce((s, v) => s + v, 0);
      let x = LABEL_WIDTH;
      const segments = r.values
        .map((v, k) => {
          const w = total > 0 ? (v / total) * plot : 0;
          const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}" fill="${PALETTE[k % PALETTE.length]}"><title>${escapeXml(`${r.label} ${parts[k]}：${v}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      return `<text x="${LABEL_WIDTH - 6}" y="${y + 13}" text-anchor="end" font-size="12">${escapeXml(r.label)}</text>${total > 0 ? segments : `<text x="${LABEL_WIDTH}" y="${y + 13}" font-size="12">（无）</text>`}`;
    })
    .join('');
  return frame(title, width, 22 + Math.max(1, rows.length) * (BAR_HEIGHT + GAP), legend + bars);
}
