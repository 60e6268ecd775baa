import { describe, expect, test } from 'vitest';
import { ERRORS, errorBody, isErrorCode } from '../../knowledge/errors';

describe('the error catalogue', () => {
  test('gives every code an HTTP error status and a message in both languages', () => {
    for (const [code, spec] of Object.entries(ERRORS)) {
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
      expect(spec.status, code).toBeLessThan(600);
      expect(spec.da.length, code).toBeGreaterThan(10);
      expect(spec.en.length, code).toBeGreaterThan(10);
      expect(spec.da, code).not.toBe(spec.en);
    }
  });

  test('answers an invalid phone number with the Danish example the citizen can follow', () => {
    expect(errorBody('invalid_phone')).toEqual({
      error: 'invalid_phone',
      message: 'Telefonnummeret skal være et dansk nummer med 8 cifre, fx 21 43 65 87.',
    });
  });

  test('maps the callback API codes to their statuses', () => {
    expect([ERRORS.unknown_unit.status, ERRORS.no_callbacks.status, ERRORS.slot_full.status]).toEqual([404, 422, 409]);
    expect([ERRORS.rate_limited.status, ERRORS.storage_unavailable.status, ERRORS.invalid_request.status]).toEqual([429, 503, 400]);
  });

  test('tells apart codes it knows', () => {
    expect(isErrorCode('slot_full')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});
