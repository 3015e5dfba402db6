import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditCodeProblem, phoneProblem, residentIdProblem } from './contact-checks.ts';

test('居民身份证号码: 18 characters, a real birth date and the GB 11643 check digit', () => {
  for (const ok of [
    '11010519491231002X',
    '11010519491231002x',
    '110101199003074514',
    '1101 0519 4912 3100 2X',
    '110105491231002',
  ])
    assert.equal(residentIdProblem(ok), undefined, ok);
  assert.match(residentIdProblem('110105194912310021') ?? '', /校验位/);
  assert.match(residentIdProblem('12345') ?? '', /18位/);
  assert.match(residentIdProblem('110101199002304518') ?? '', /出生日期/, '30 February');
  assert.match(residentIdProblem('110101180001014511') ?? '', /出生日期/);
});

test('统一社会信用代码: 18 characters without I, O, S, V, Z and the GB 32100 check character', () => {
  assert.equal(creditCodeProblem('91350100M000100Y43'), undefined);
  assert.equal(creditCodeProblem('91350100m000100y43'), undefined, 'lower case is read as upper case');
  assert.match(creditCodeProblem('91350100M000100Y44') ?? '', /校验位/);
  assert.match(creditCodeProblem('91350100M000100O43') ?? '', /不含I、O、S、V、Z/);
  assert.match(creditCodeProblem('9135010') ?? '', /18位/);
});

test('phone numbers: mobiles, landlines with area codes and extensions, 400/800 numbers', () => {
  for (const ok of [
    '13812345678',
    '+86 138 1234 5678',
    '0086-13812345678',
    '010-12345678',
    '(0755)1234567',
    '021-12345678转123',
    '4008123123',
  ])
    assert.equal(phoneProblem(ok), undefined, ok);
  for (const bad of ['abc', '12345', '1381234567', '12812345678', '12345678'])
    assert.match(phoneProblem(bad) ?? '', /电话号码格式不正确/, bad);
});
