/**
 * Personal data of applicants and message authors, masked for those who do not need it: staff without
 * the permission to work cases see "张*", "110101********1234", "138****5678"; the public sees none of
 * it, and text bound for the public has ID numbers, phones and e-mail addresses replaced.
 */
/** A separator people put inside a number: a space, a hyphen or a dot, once. */
const SEP = '[ \\-.]?';
const digits = (count: number) => `(?:\\d${SEP}){${count - 1}}\\d`;
/** Chinese digits as a number is read out (幺 for 1), for phones written in words. */
const CN_DIGIT = '[〇零○一幺二两三四五六七八九]';

const TEXT_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // Resident ID: 18 characters (the last may be X), or the old 15 digits, grouped or not.
  [new RegExp(`(?<![0-9A-Za-z])[1-9]${SEP}(?:\\d${SEP}){16}[\\dXx](?![0-9A-Za-z])`, 'g'), '[身份证号已隐去]'],
  [new RegExp(`(?<![0-9A-Za-z])[1-9]${SEP}${digits(14)}(?![0-9A-Za-z])`, 'g'), '[身份证号已隐去]'],
  // Mobile: 1[3-9] and nine more digits, after +86, 0086 or 86 or none, grouped as people write them.
  [
    new RegExp(
      `(?<![0-9])(?:(?:\\+|00)?86${SEP}|\\(\\+?86\\)${SEP})?1${SEP}[3-9]${SEP}${digits(9)}(?![0-9])`,
      'g',
    ),
    '[手机号已隐去]',
  ],
  [new RegExp(`一${SEP}[三四五六七八九]${SEP}(?:${CN_DIGIT}${SEP}){8}${CN_DIGIT}`, 'g'), '[手机号已隐去]'],
  // Landline: an area code 0xx or 0xxx (in brackets or not, after +86 without its 0) and 7 or 8 digits.
  [
    new RegExp(
      `(?<![0-9])(?:(?:\\+|00)?86${SEP}\\(?[1-9]\\d{1,2}\\)?|\\(0\\d{2,3}\\)|0\\d{2,3})${SEP}(?:\\d${SEP}){6,7}\\d(?![0-9])`,
      'g',
    ),
    '[电话已隐去]',
  ],
  // E-mail, also with spaces around @ or a full stop written the Chinese way in the domain.
  [/[\w.+-]+\s*@\s*[\w-]+(?:\s*[.。]\s*[\w-]+)*\s*[.。]\s*[A-Za-z]{2,}/g, '[邮箱已隐去]'],
  // QQ and WeChat accounts named as such.
  [/(QQ|qq|扣扣)(号码?)?\s*[:：]?\s*\d{5,11}(?!\d)/g, '$1$2[号码已隐去]'],
  [/(微信|wechat|WeChat|vx|VX|v信)(号)?\s*[:：]?\s*[A-Za-z][\w-]{5,19}/g, '$1$2[账号已隐去]'],
];

/**
 * Full-width digits, letters and signs as their ASCII twins (１３８ → 138, ＠ → @, （ → (), the
 * ideographic space as a space: each is one UTF-16 unit for one, so positions do not move.
 */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * ID numbers, phone numbers, e-mail addresses and QQ / WeChat accounts in free text, in the forms
 * people write them (grouped, with +86, in brackets, full-width), replaced by what they were.
 */
export function maskPersonalData(text: string): string {
  // Matched on the half-width reading, replaced in the text as written (same positions).
  let written = text;
  for (const [pattern, label] of TEXT_PATTERNS) {
    const read = halfWidth(written);
    let out = '';
    let last = 0;
    for (const match of read.matchAll(pattern)) {
      const at = match.index;
      out += written.slice(last, at) + match[0].replace(new RegExp(pattern.source), label);
      last = at + match[0].length;
    }
    written = out + written.slice(last);
  }
  return written;
}

/** A person's name to its first character (张三 → 张*); an empty name stays empty. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? chars.join('') : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

/** Keeps the first `head` and last `tail` characters of an identifier, the rest as asterisks. */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = [...value.trim()];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}

export const maskIdNumber = (value: string) => keepEnds(value, 6, 4);
export const maskPhone = (value: string) => keepEnds(value, 3, 4);

export function maskEmail(value: string): string {
  const at = value.indexOf('@');
  return at <= 0 ? keepEnds(value, 1, 0) : `${value[0]}***${value.slice(at)}`;
}

/** An address to its first six characters (the district), the rest hidden. */
export function maskAddress(value: string): string {
  const chars = [...value.trim()];
  return chars.length <= 6 ? chars.join('') : `${chars.slice(0, 6).join('')}***`;
}

/** A contact that may be a phone or an e-mail address. */
export function maskContact(value: string): string {
  return value.includes('@') ? maskEmail(value) : maskPhone(value);
}
