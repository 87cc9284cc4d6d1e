import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../ipc/contract.ts';
import { memoryStore } from '../persistence/testing/memory-store.ts';
import { createFakeCipher } from '../vault/testing/fake-cipher.ts';
import { testKeyPair } from '../vault/testing/key-pair.ts';
import { NO_CLIENT } from '../vault/testing/checked-key.ts';
import { Vault } from '../vault/vault.ts';
import { AppError } from '../app-error.ts';
import { DEFAULT_SETTINGS } from '../settings/settings-schema.ts';
import { INTERNAL_ERROR } from './ipc-error.ts';
import { dispatch, registerRoutes, type Route, type Routes } from './register.ts';
import { accountRoutes } from './routes/accounts.ts';

const handlers = new Map<string, (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>) => handlers.set(channel, handler) },
}));

const event = {} as IpcMainInvokeEvent;
const trusted = () => true;
const untrusted = () => false;

function setup() {
  const checkKey = vi.fn(() => Promise.resolve(NO_CLIENT));
  const vault = new Vault({ store: memoryStore(), cipher: createFakeCipher(), checkKey });
  return { vault, routes: accountRoutes(vault, () => Promise.resolve(true)), checkKey };
}

describe('dispatch', () => {
  let logged: string[];
  beforeEach(() => {
    logged = [];
    for (const level of ['info', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((...parts: unknown[]) => void logged.push(parts.join(' ')));
    }
  });
  afterEach(() => vi.restoreAllMocks());

  it('refuses an untrusted sender before looking at the payload or running the handler', async () => {
    const { routes, checkKey } = setup();
    const handle = vi.spyOn(routes['accounts:add'], 'handle');
    const result = await dispatch('accounts:add', routes['accounts:add'], untrusted, event, { label: 'x', ...testKeyPair('untrusted') });
    expect(result).toEqual({ ok: false, error: { code: 'untrusted-sender', message: 'This request did not come from the app window.' } });
    expect(handle).not.toHaveBeenCalled();
    expect(checkKey).not.toHaveBeenCalled();
    expect(logged.join('\n')).toContain('refused accounts:add from an untrusted sender');
  });

  it.each([
    ['a field of the wrong type', { label: 'x', apiKey: 42, apiSecret: 'y' }, 'apiKey'],
    ['a missing field', { label: 'x', apiKey: 'y' }, 'apiSecret'],
    ['an unknown field', { label: 'x', apiKey: 'y', apiSecret: 'z', sneaky: true }, undefined],
    ['a field far too long', { label: 'x', apiKey: 'y'.repeat(5000), apiSecret: 'z' }, 'apiKey'],
    ['no payload at all', undefined, undefined],
    ['a payload that is not an object', 'accounts', undefined],
  ])('answers %s with a typed invalid-request error, never reaching the handler', async (_name, raw, field) => {
    const { routes } = setup();
    const handle = vi.spyOn(routes['accounts:add'], 'handle');
    const result = await dispatch('accounts:add', routes['accounts:add'], trusted, event, raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toMatch(/^The request was not valid/);
    expect(result.error.field).toBe(field);
    expect(handle).not.toHaveBeenCalled();
  });

  it('refuses values that are not plain data, which a schema would take as an empty object', async () => {
    for (const raw of [new Date(44), new Map(), { nested: new Set([1]) }, new Uint8Array(2), [new Error('x')]]) {
      const handle = vi.fn(() => DEFAULT_SETTINGS);
      const route: Route<'settings:update'> = { schema: z.object({}).strict(), handle };
      const result = await dispatch('settings:update', route, trusted, event, raw);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(handle).not.toHaveBeenCalled();
    }
  });

  it('refuses a payload on a channel that takes none', async () => {
    const { routes } = setup();
    const result = await dispatch('accounts:list', routes['accounts:list'], trusted, event, { extra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('turns a thrown error into the generic internal error, and the log never shows the secret (scrubbed by its shape)', async () => {
    const { apiSecret } = testKeyPair('thrown');
    const route: Route<'accounts:list'> = {
      schema: setup().routes['accounts:list'].schema,
      handle: () => {
        throw new Error(`signing failed with ${apiSecret}`);
      },
    };
    const result = await dispatch('accounts:list', route, trusted, event, undefined);
    expect(result).toEqual({ ok: false, error: INTERNAL_ERROR });
    expect(JSON.stringify(result)).not.toContain(apiSecret);
    expect(logged.join('\n')).toContain('ipc: accounts:list failed');
    expect(logged.join('\n')).toContain('signing failed with [redacted]');
    expect(logged.join('\n')).not.toContain(apiSecret);
  });

  it('passes an AppError through as its code, message, hint and field', async () => {
    const { routes } = setup();
    const result = await dispatch('accounts:add', routes['accounts:add'], trusted, event, { label: 'x', apiKey: 'short', apiSecret: testKeyPair('a').apiSecret });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-api-key', field: 'apiKey', hint: expect.any(String) } });
    const rejecting: Route<'accounts:list'> = { schema: routes['accounts:list'].schema, handle: () => Promise.reject(new AppError('busy', 'Busy.', { hint: 'Wait.' })) };
    expect(await dispatch('accounts:list', rejecting, trusted, event, undefined)).toEqual({ ok: false, error: { code: 'busy', message: 'Busy.', hint: 'Wait.' } });
    // Routine answers are logged as one line, without a stack trace.
    expect(logged).toEqual(['ipc: accounts:add answered invalid-api-key', 'ipc: accounts:list answered busy']);
  });

  it('answers a valid request from the app window with the handler’s value', async () => {
    const { routes } = setup();
    const added = await dispatch('accounts:add', routes['accounts:add'], trusted, event, { label: 'Main', ...testKeyPair('ok') });
    expect(added).toMatchObject({ ok: true, value: { label: 'Main', demo: false } });
    expect(await dispatch('accounts:list', routes['accounts:list'], trusted, event, undefined)).toMatchObject({ ok: true, value: [{ label: 'Main' }] });
  });
});

describe('registerRoutes', () => {
  it('registers every contract channel once, each behind the sender check', async () => {
    handlers.clear();
    const calls: string[] = [];
    const routes = Object.fromEntries(
      INVOKE_CHANNELS.map((channel) => [channel, { schema: { safeParse: (raw: unknown) => ({ success: true, data: raw }) }, handle: () => void calls.push(channel) }]),
    ) as unknown as Routes;
    registerRoutes(routes, (e) => e === event);
    expect([...handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    const stranger = {} as IpcMainInvokeEvent;
    for (const channel of INVOKE_CHANNELS as readonly InvokeChannel[]) {
      expect(await handlers.get(channel)?.(stranger, undefined)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
      expect(await handlers.get(channel)?.(event, undefined)).toEqual({ ok: true, value: undefined });
    }
    expect(calls).toEqual([...INVOKE_CHANNELS]);
  });
});
