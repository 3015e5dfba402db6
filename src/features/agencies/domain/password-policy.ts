/**
 * What a staff password must be, as a government security review (等级保护 level 2, OWASP ASVS 2.1)
 * asks: at least 12 characters, at least three of lower case, upper case, digits and other characters,
 * not a common password nor one with a few digits or signs added, not the account's own name, and not
 * one of the account's recent passwords (checked where the hashes are, see account-service.ts).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** How many earlier passwords may not come back. */
export const PASSWORD_HISTORY = 5;

export type PasswordRefusal =
  | { readonly code: 'password-too-short'; readonly min: number }
  | { readonly code: 'password-too-long'; readonly max: number }
  | { readonly code: 'password-too-simple'; readonly classes: number }
  | { readonly code: 'password-common' }
  | { readonly code: 'password-contains-name' }
  | { readonly code: 'password-reused'; readonly history: number };

export const PASSWORD_REFUSAL_MESSAGES: Readonly<Record<PasswordRefusal['code'], string>> = {
  'password-too-short': `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`,
  'password-too-long': `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`,
  'password-too-simple': '密码须包含大写字母、小写字母、数字和其他符号中的至少三种',
  'password-common': '这个密码太常见（在常用密码表中，或只是在常用密码前后加了数字、符号），请换一个',
  'password-contains-name': '密码不能包含用户名或姓名',
  'password-reused': `不能使用最近 ${PASSWORD_HISTORY} 次用过的密码`,
};

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
}

/**
 * The password's cores as a guesser would try them: lower case, with digits and signs at either end
 * taken off, and a word repeated once.
 */
function guessableCores(password: string): string[] {
  const lower = password.toLowerCase();
  const trimmed = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const half = lower.length % 2 === 0 ? lower.slice(0, lower.length / 2) : '';
  return [lower, trimmed, half === lower.slice(half.length) ? half : ''].filter((core) => core.length >= 4);
}

export function checkPassword(
  password: string,
  account: { readonly username: string; readonly displayName: string },
  commonPasswords: ReadonlySet<string>,
): PasswordRefusal | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return { code: 'password-too-short', min: PASSWORD_MIN_LENGTH };
  if (length > PASSWORD_MAX_LENGTH) return { code: 'password-too-long', max: PASSWORD_MAX_LENGTH };
  const classes = characterClasses(password);
  if (classes < 3 || password.trim().length < length) return { code: 'password-too-simple', classes };
  if (guessableCores(password).some((core) => commonPasswords.has(core))) return { code: 'password-common' };
  const lower = password.toLowerCase();
  const names = [account.username, account.displayName]
    .map((n) => n.toLowerCase())
    .filter((n) => n.length >= 2);
  if (names.some((name) => lower.includes(name))) return { code: 'password-contains-name' };
  return undefined;
}
