import { describe, expect, it } from 'vitest';
import { memoryStore } from '../persistence/testing/memory-store.ts';
import { closeAction, CONFIRM_BUTTONS, confirmationText, mayHideWithoutAsking, storedTrayConsent } from './tray-hiding.ts';

describe('closeAction', () => {
  const base = { quitting: false, hasTray: true, closeToTray: true, mayHideWithoutAsking: true };

  it('hides to the tray when the user wants that and is known to see the tray', () => {
    expect(closeAction(base)).toBe('hide');
  });

  it('asks first where hiding was never confirmed (Linux)', () => {
    expect(closeAction({ ...base, mayHideWithoutAsking: false })).toBe('ask');
  });

  it('closes during a real quit, without a tray, or with close-to-tray off, asking nothing', () => {
    for (const state of [{ quitting: true }, { hasTray: false }, { closeToTray: false }]) {
      expect(closeAction({ ...base, mayHideWithoutAsking: false, ...state })).toBe('close');
    }
  });
});

describe('mayHideWithoutAsking and the stored consent', () => {
  it('asks on Linux until the user confirmed, and remembers the answer in the settings file', () => {
    const store = memoryStore();
    const consent = storedTrayConsent(store);
    expect(mayHideWithoutAsking('linux', consent)).toBe(false);
    consent.confirm();
    expect(mayHideWithoutAsking('linux', storedTrayConsent(store))).toBe(true);
  });

  it('never asks on Windows or macOS, whose tray areas always show the icon', () => {
    const consent = storedTrayConsent(memoryStore());
    expect(mayHideWithoutAsking('win32', consent)).toBe(true);
    expect(mayHideWithoutAsking('darwin', consent)).toBe(true);
  });

  it('takes only a stored true as a confirmation', () => {
    const store = memoryStore();
    store.set('trayHidingConfirmed', 'yes');
    expect(storedTrayConsent(store).confirmed()).toBe(false);
  });
});

describe('confirmationText', () => {
  it('says where the app goes, how to get it back and quit, and what to do without tray icons', () => {
    const text = confirmationText('Kraken Balances');
    expect(text.message).toBe('Keep Kraken Balances running in the tray?');
    expect(text.detail).toContain('click it to open the window, or choose "Quit Kraken Balances" in its menu');
    expect(text.detail).toContain('Starting Kraken Balances again from your applications menu also brings the window back.');
    expect(text.detail).toContain('GNOME shows them only with\nthe AppIndicator extension');
    expect(text.buttons).toEqual(['Keep running in the tray', 'Quit when closed', 'Cancel']);
    expect(text.buttons).toHaveLength(CONFIRM_BUTTONS.length);
  });
});
