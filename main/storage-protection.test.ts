import { describe, expect, it } from 'vitest';
import { describeProtection, withdrawConsentQuestion } from './storage-protection.ts';

const consent = (backend: string) => ({ backend, acceptedAt: '2025-01-01T00:00:00.000Z' });

describe('describeProtection', () => {
  it.each(['keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])('treats %s as real OS protection', (backend) => {
    expect(describeProtection({ backend, available: true }, null)).toEqual({ backend, level: 'os', weakAccepted: false, weakConsent: null });
  });

  it.each(['basic_text', 'unknown'])('treats %s as weak, accepted only by a consent given for that backend', (backend) => {
    expect(describeProtection({ backend, available: true }, consent(backend))).toEqual({ backend, level: 'weak', weakAccepted: true, weakConsent: consent(backend) });
    expect(describeProtection({ backend, available: true }, consent('other'))).toMatchObject({ level: 'weak', weakAccepted: false, weakConsent: consent('other') });
  });

  it('reports no encryption as unavailable, whatever was consented', () => {
    expect(describeProtection({ backend: 'none', available: false }, consent('none'))).toMatchObject({ level: 'unavailable', weakAccepted: false });
  });
});

describe('withdrawConsentQuestion', () => {
  it('says which keys go, or are sealed again, and names the deleting button for what it does', () => {
    expect(withdrawConsentQuestion({ action: 'remove', labels: ['Main', 'Savings'] })).toMatchObject({ detail: expect.stringContaining('2 keys stored with the built-in password will be deleted'), confirm: 'Withdraw and delete keys', cancel: 'Cancel' });
    expect(withdrawConsentQuestion({ action: 'remove', labels: ['Main'] }).detail).toContain('the key of “Main”');
    expect(withdrawConsentQuestion({ action: 'reseal', labels: ['Main'] })).toMatchObject({ detail: expect.stringContaining('sealed again by the keyring'), confirm: 'Withdraw' });
    expect(withdrawConsentQuestion({ action: 'remove', labels: [] })).toMatchObject({ detail: expect.stringContaining('No saved key'), confirm: 'Withdraw' });
  });
});
