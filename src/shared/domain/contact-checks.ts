/**
 * The checks a person expects of the numbers they type: a 居民身份证号码 with its check digit (GB 11643),
 * a 统一社会信用代码 with its check character (GB 32100), a mobile or landline number. Each answers with
 * what is wrong, in words the applicant understands, or undefined when the value is well formed.
 * Spaces and hyphens people type are tolerated; the check is on the characters that matter.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The 18-character 居民身份证号码: region, birth date, sequence, check digit (ISO 7064 MOD 11-2). */
export function residentIdProblem(raw: string): string | undefined {
  const id = raw.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{15}$/.test(id)) return undefined; // first-generation cards: no check digit to verify
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为18位（最后一位可以是X）';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2100 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day)
    return '身份证号码中的出生日期不正确';
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  if (ID_CHECK[sum % 11] !== id[17]) return '身份证号码的校验位不正确，请核对是否有数字输错';
  return undefined;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18-character 统一社会信用代码 (GB 32100): no I, O, S, V, Z; the last character a MOD 31 check. */
export function creditCodeProblem(raw: string): string | undefined {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== 18 || [...code].some((c) => !USCC_CHARS.includes(c)))
    return '统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）';
  const sum = USCC_WEIGHTS.reduce((total, weight, i) => total + weight * USCC_CHARS.indexOf(code[i]!), 0);
  const check = USCC_CHARS[(31 - (sum % 31)) % 31];
  if (check !== code[17]) return '统一社会信用代码的校验位不正确，请核对是否有字符输错';
  return undefined;
}

/**
 * A phone number: a mobile (1 and ten digits, +86 allowed) or a landline with its area code (0 and two
 * or three digits, then 7–8 digits, an extension allowed), or a 400/800 service number.
 */
export function phoneProblem(raw: string): string | undefined {
  const phone = raw.replace(/[\s()（）-]/g, '').replace(/^(?:\+86|0086)/, '');
  if (/^1[3-9]\d{9}$/.test(phone)) return undefined;
  if (/^0\d{2,3}\d{7,8}(?:(?:转|ext\.?|#)\d{1,6})?$/i.test(phone)) return undefined;
  if (/^[48]00\d{7}$/.test(phone)) return undefined;
  return '电话号码格式不正确：手机号为11位，固定电话请带区号（如 010-12345678）';
}
