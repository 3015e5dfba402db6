/**
 * Personal data of applicants and message authors, masked for those who do not need it: staff without
 * the permission to work cases see "张*", "110101********1234", "138****5678"; the public sees none of
 * it, and text bound for the public has ID numbers, phones and e-mail addresses replaced.
 */
const TEXT_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, '[身份证号已隐去]'],
  [/(?<!\d)1[3-9]\d{9}(?!\d)/g, '[手机号已隐去]'],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '[电话已隐去]'],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[邮箱已隐去]'],
];

/** ID numbers, phone numbers and e-mail addresses in free text, replaced by what they were. */
export function maskPersonalData(text: string): string {
  return TEXT_PATTERNS.reduce((masked, [pattern, label]) => masked.replace(pattern, label), text);
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
