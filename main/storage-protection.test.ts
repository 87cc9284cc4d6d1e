import { describe, expect, it } from 'vitest';
import { assertCanStoreKeys, describeProtection } from './storage-protection.ts';

describe('describeProtection', () => {
  it.each(['keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])('treats %s as real OS protection', (backend) => {
    expect(describeProtection({ backend, available: true }, false)).toEqual({ backend, level: 'os', weakAccepted: false });
  });

  it.each(['basic_text', 'unknown'])('treats %s as weak, and reports the remembered choice', (backend) => {
    expect(describeProtection({ backend, available: true }, true)).toEqual({ backend, level: 'weak', weakAccepted: true });
  });

  it('reports no encryption as unavailable, whatever was accepted', () => {
    expect(describeProtection({ backend: 'none', available: false }, true)).toEqual({ backend: 'none', level: 'unavailable', weakAccepted: false });
  });
});

describe('assertCanStoreKeys', () => {
  it('lets keys be stored under OS protection or accepted weak protection', () => {
    expect(() => assertCanStoreKeys({ backend: 'dpapi', level: 'os', weakAccepted: false })).not.toThrow();
    expect(() => assertCanStoreKeys({ backend: 'basic_text', level: 'weak', weakAccepted: true })).not.toThrow();
  });

  it('refuses weak protection nobody accepted, and no protection at all', () => {
    expect(() => assertCanStoreKeys({ backend: 'basic_text', level: 'weak', weakAccepted: false })).toThrow(expect.objectContaining({ code: 'weak-protection-not-accepted' }));
    expect(() => assertCanStoreKeys({ backend: 'none', level: 'unavailable', weakAccepted: false })).toThrow(expect.objectContaining({ code: 'storage-unavailable' }));
  });
});
