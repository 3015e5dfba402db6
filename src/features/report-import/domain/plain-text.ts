/**
 * A report's text as its readers take it. Web editors and copy-paste scatter characters that show nothing
 * — zero-width spaces and joiners, word joiners, soft hyphens, a byte-order mark mid-text — even between
 * the digits of one number (2, a zero-width space, 293 would be read as two numbers); old files end their
 * lines with a bare CR; some pages print their digits and table bars full-width (２２９３, ｜). Those
 * characters are taken out, every line break is one \n, full-width digits and bars are the ASCII ones.
 * Nothing else is changed, so a line read is still the line as printed.
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const TO_CHANGE = /[\u200b-\u200d\u2060\ufeff\u00ad\r０-９｜]/;

export function plainText(text: string): string {
  if (!TO_CHANGE.test(text)) return text;
  return text
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/｜/g, '|');
}
