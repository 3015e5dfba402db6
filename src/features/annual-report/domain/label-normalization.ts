/**
 * Printed labels are matched after the normalisations of annual-report-format.md §7: all white space
 * and line breaks removed, full- and half-width brackets and punctuation equal, straight and curly
 * quotes equal, and the sub-row markers "1." "1、" "1．" "(1)" treated alike.
 */
const FULL_TO_HALF: Record<string, string> = {
  '（': '(',
  '）': ')',
  '．': '.',
  '、': '.',
  '，': ',',
  '：': ':',
  '／': '/',
  '“': '"',
  '”': '"',
  '‘': '"',
  '’': '"',
  "'": '"',
};

export function normalizeLabel(label: string): string {
  return normalizeFoldedLabel(label.normalize('NFKC'));
}

/** normalizeLabel of a text already NFKC-normalised (a reader that folded the whole line once). */
export function normalizeFoldedLabel(text: string): string {
  return text.replace(/\s+/g, '').replace(/[（）．、，：／“”‘’']/g, (ch) => FULL_TO_HALF[ch] ?? ch);
}

/** Removes a leading 一、 / (一) / 1. marker so that a bare 予以公开 matches （一）予以公开. */
export function stripLabelMarker(label: string): string {
  return normalizeLabel(label).replace(
    /^(?:[一二三四五六七八九十]+\.|\([一二三四五六七八九十]+\)|\d+\.|\(\d+\))/,
    '',
  );
}
