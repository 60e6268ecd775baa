import { describe, expect, test } from 'vitest';
import { displayPhone, maskPhone, normalizeDanishPhone } from '../../../knowledge/callbacks/phone';

describe('normalizeDanishPhone', () => {
  test.each([
    ['12 34 56 78', null],
    ['23456789', '+4523456789'],
    ['23 45 67 89', '+4523456789'],
    ['+45 23 45 67 89', '+4523456789'],
    ['+4523456789', '+4523456789'],
    ['0045 23456789', '+4523456789'],
    ['0045-23-45-67-89', '+4523456789'],
    ['(+45) 23.45.67.89', '+4523456789'],
    ['45 23456789', '+4523456789'],
    ['  89 40 20 00  ', '+4589402000'],
  ])('reads %j as %s', (text, e164) => {
    const result = normalizeDanishPhone(text);
    if (e164 === null) expect(result).toEqual({ ok: false, reason: 'invalid_phone' });
    else expect(result).toEqual({ ok: true, e164, display: displayPhone(e164) });
  });

  test.each([
    ['1234567', 'seven digits'],
    ['234567890', 'nine digits'],
    ['02345678', 'a leading 0'],
    ['11223344', 'a leading 1 (short codes)'],
    ['+46 23456789', 'a Swedish country code'],
    ['+45 2345678', 'too few digits after +45'],
    ['ring mig på 23456789', 'words around the number'],
    ['23456789a', 'a letter'],
    ['', 'nothing'],
    ['2'.repeat(60), 'hostile length'],
  ])('rejects %j (%s)', (text) => {
    expect(normalizeDanishPhone(text)).toEqual({ ok: false, reason: 'invalid_phone' });
  });

  test('displays the number in pairs after +45', () => {
    expect(normalizeDanishPhone('0045 23456789')).toMatchObject({ display: '+45 23 45 67 89' });
  });
});

describe('maskPhone', () => {
  test('hides every digit but the last two', () => {
    expect(maskPhone('+4523456789')).toBe('+45 •• •• •• 89');
  });
});
