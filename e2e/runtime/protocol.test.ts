import { describe, expect, it } from 'vitest';
import { fromChromiumUrl, RuntimeProtocol, toChromiumUrl } from './protocol.ts';

function protocolAt(phase: { ready: boolean }): RuntimeProtocol {
  return new RuntimeProtocol(() => phase.ready);
}

describe('the runtime protocol module (as Electron 45, or stricter)', () => {
  it('registers privileged schemes only before ready, and validates them as Electron does', () => {
    const phase = { ready: false };
    const protocol = protocolAt(phase);
    expect(() => protocol.registerSchemesAsPrivileged('app' as never)).toThrow('Argument must be an array of custom schemes.');
    expect(() => protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { codeCache: true } }])).toThrow('Code cache can only be enabled');
    protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    phase.ready = true;
    expect(() => protocol.registerSchemesAsPrivileged([{ scheme: 'late', privileges: { standard: true } }])).toThrow('protocol.registerSchemesAsPrivileged should be called before app is ready');
    expect(protocol.standardSchemes).toEqual(new Set(['app']));
  });

  it('handles a scheme once, only after ready, and only one registered as standard before ready', () => {
    const phase = { ready: false };
    const protocol = protocolAt(phase);
    protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true } }, { scheme: 'plain' }]);
    const handler = () => new Response('x');
    expect(() => protocol.handle('app', handler)).toThrow('Session can only be received when app is ready');
    phase.ready = true;
    expect(() => protocol.handle('plain', handler)).toThrow('Failed to register protocol: plain');
    expect(() => protocol.handle('never', handler)).toThrow('Failed to register protocol: never');
    expect(() => protocol.handle('file', handler)).toThrow('not emulated');
    protocol.handle('app', handler);
    expect(() => protocol.handle('app', handler)).toThrow('Failed to register protocol: app');
    expect(protocol.isProtocolHandled('app')).toBe(true);
    protocol.unhandle('app');
    expect(() => protocol.unhandle('app')).toThrow('Failed to unhandle protocol: app');
  });

  it('fails a request whose handler throws, answers no Response or Response.error()', async () => {
    const phase = { ready: false };
    const protocol = protocolAt(phase);
    protocol.registerSchemesAsPrivileged([{ scheme: 'a', privileges: { standard: true } }, { scheme: 'b', privileges: { standard: true } }, { scheme: 'c', privileges: { standard: true } }]);
    phase.ready = true;
    const quiet = console.error;
    console.error = () => undefined;
    try {
      protocol.handle('a', () => {
        throw new Error('broken');
      });
      protocol.handle('b', () => ({ status: 200 }) as unknown as Response);
      protocol.handle('c', () => Response.error());
      expect(await protocol.answer(new Request('a://h/x'))).toEqual({ ok: false, error: 'net::ERR_UNEXPECTED' });
      expect(await protocol.answer(new Request('b://h/x'))).toEqual({ ok: false, error: 'net::ERR_UNEXPECTED' });
      expect(await protocol.answer(new Request('c://h/x'))).toEqual({ ok: false, error: 'net::ERR_FAILED' });
      expect(await protocol.answer(new Request('d://h/x'))).toEqual({ ok: false, error: 'net::ERR_UNKNOWN_URL_SCHEME' });
    } finally {
      console.error = quiet;
    }
  });

  it('puts a standard scheme at a stand-in https origin in Chromium, and back', () => {
    const standard = new Set(['app']);
    const inChromium = toChromiumUrl('app://kraken-balances/index.html#/settings', standard);
    expect(inChromium).toBe('https://kraken-balances.app.electron-scheme.invalid/index.html#/settings');
    expect(fromChromiumUrl(inChromium)).toBe('app://kraken-balances/index.html#/settings');
    expect(fromChromiumUrl(toChromiumUrl('app://kraken-balances', standard))).toBe('app://kraken-balances/');
    expect(toChromiumUrl('other://x/y', standard)).toBe('other://x/y');
    expect(toChromiumUrl('file:///tmp/a.html', standard)).toBe('file:///tmp/a.html');
    expect(fromChromiumUrl('https://example.com/a')).toBe('https://example.com/a');
  });
});
