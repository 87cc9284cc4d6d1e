import { describe, expect, it, vi } from 'vitest';
import type { Question } from '../../native-confirm.ts';
import { memoryStore } from '../../persistence/testing/memory-store.ts';
import { NO_CLIENT } from '../../vault/testing/checked-key.ts';
import { createFakeCipher } from '../../vault/testing/fake-cipher.ts';
import { testKeyPair } from '../../vault/testing/key-pair.ts';
import { Vault } from '../../vault/vault.ts';
import { accountRoutes } from './accounts.ts';

async function setup(answer: boolean) {
  const vault = new Vault({ store: memoryStore(), cipher: createFakeCipher(), checkKey: () => Promise.resolve(NO_CLIENT) });
  const confirm = vi.fn((_question: Question) => Promise.resolve(answer));
  const account = await vault.add({ label: 'Main', ...testKeyPair('remove-route') });
  const remove = (id: string) => accountRoutes(vault, confirm)['accounts:remove'].handle({ id });
  return { vault, confirm, account, remove };
}

describe('accounts:remove', () => {
  it('removes nothing on the page\'s word: the user declines in main\'s dialog and the account stays', async () => {
    const { vault, confirm, account, remove } = await setup(false);
    expect(await remove(account.id)).toEqual({ removed: false });
    expect(vault.list()).toEqual([account]);
    expect(confirm).toHaveBeenCalledWith(expect.objectContaining({ message: 'Remove “Main”?', confirm: 'Remove', cancel: 'Keep it' }));
  });

  it('removes the account once the user confirms', async () => {
    const { vault, account, remove } = await setup(true);
    expect(await remove(account.id)).toEqual({ removed: true });
    expect(vault.list()).toEqual([]);
  });

  it('removes the demo account without asking: it holds no key and reopens at any time', async () => {
    const { vault, confirm, account, remove } = await setup(false);
    const demo = vault.addDemo();
    expect(await remove(demo.id)).toEqual({ removed: true });
    expect(vault.list()).toEqual([account]);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks nothing about an account that does not exist', async () => {
    const { confirm, remove } = await setup(true);
    expect(await remove('nobody')).toEqual({ removed: false });
    expect(confirm).not.toHaveBeenCalled();
  });
});
