import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPassword } from './password-policy.ts';
import { COMMON_PASSWORDS } from '../common-passwords.ts';

const account = { username: 'liming', displayName: '李明' };
const codeOf = (password: string) => checkPassword(password, account, COMMON_PASSWORDS)?.code;

test('a long password of three kinds of characters, common nowhere, is accepted', () => {
  for (const password of ['Xq7-vel-Tarn-48', 'Sunflower#River9', '政务公开Gk2026!x', 'kT9!mZ2@pL5#'])
    assert.equal(codeOf(password), undefined, password);
});

test('what the policy forbids is refused, each with its reason', () => {
  const refused: ReadonlyArray<readonly [string, string]> = [
    ['            ', 'password-too-simple'],
    ['Short1!', 'password-too-short'],
    ['a'.repeat(129) + 'A1', 'password-too-long'],
    ['alllowercaseletters', 'password-too-simple'],
    ['123456789012', 'password-too-simple'],
    ['ONLYUPPERand', 'password-too-simple'],
    [' Padded1pass ', 'password-too-simple'],
    ['Password1234', 'password-common'],
    ['Password1234!', 'password-common'],
    ['!!Password!!9', 'password-common'],
    ['Woaini1314!!', 'password-common'],
    ['1qaz2wsx3edC', 'password-common'],
    ['P@ssw0rdP@ssw0rd', 'password-common'],
    ['Qwertyuiop123', 'password-common'],
    ['LiMing-2026-ok', 'password-contains-name'],
    ['我是李明Abc12345', 'password-contains-name'],
  ];
  for (const [password, code] of refused) assert.equal(codeOf(password), code, password);
});
