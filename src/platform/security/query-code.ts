/**
 * 查询码: the code an applicant uses with the application number to see the status, without an account.
 * 12 characters from a 32-letter alphabet without look-alikes (60 bits); only its SHA-256 is stored, and
 * codes are compared in constant time.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

export function hashQueryCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

export const queryCodes = {
  hash: hashQueryCode,
  issue(): { code: string; hash: string } {
    let code = '';
    for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    return { code, hash: hashQueryCode(code) };
  },
  matches(code: string, hash: string): boolean {
    const given = Buffer.from(hashQueryCode(code), 'hex');
    const stored = Buffer.from(hash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  },
};
