import { describe, expect, test } from 'vitest';
import { redactCpr } from '../../../knowledge/triage';

describe('redactCpr', () => {
  test.each([
    ['mit cpr er 010190-1234', 'mit cpr er [CPR]'],
    ['mit cpr er 010190 1234', 'mit cpr er [CPR]'],
    ['mit cpr er 0101901234.', 'mit cpr er [CPR].'],
    ['CPR: 311299-4321 og 150675-0001', 'CPR: [CPR] og [CPR]'],
  ])('redacts %j', (text, expected) => {
    expect(redactCpr(text)).toEqual({ text: expected, found: true });
  });

  test('finds a number that fails the modulus-11 check: those have been issued since 2007', () => {
    // 0101901234: 4*0+3*1+2*0+7*1+6*9+5*0+4*1+3*2+2*3+1*4 = 84, not divisible by 11.
    expect(redactCpr('0101901234').found).toBe(true);
  });

  test.each([
    ['møde den 2024-06-05 kl. 10'],
    ['ring på 89 40 20 00'],
    ['ring på +45 89402000'],
    ['sagsnummer 18/018810-8'],
    ['kontonummer 12345678901234'],
    ['320190-1234 er ikke en dato'],
    ['011390-1234 har ingen måned 13'],
    ['300290-1234: 30. februar findes ikke'],
  ])('leaves %j alone', (text) => {
    expect(redactCpr(text)).toEqual({ text, found: false });
  });
});
