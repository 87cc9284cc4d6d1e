// Issue 13, point 9: the "not in the total" note names a few unpriced balances and says "and N more",
// never pushing the table down, and that link filters the table to exactly those balances.
import { expect, test } from './helpers/accounts.ts';
import { addMainKey, KEYS, lineNames } from './ui-helpers.ts';

test.use({ keyring: 'gnome_libsecret' });

test('many unpriced balances: five named, "and 15 more" shows them all in the table', async ({ page, fakeKraken }) => {
  // Codes the fake Kraken lists no pair for: none of them has a price.
  const unpriced = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`Q${String(i).padStart(2, '0')}X`, `${i + 1}`]));
  fakeKraken.setBalances({ XXBT: '1', ...unpriced }, KEYS.main.apiKey);
  await addMainKey(page);

  const note = page.getByTestId('unpriced-note');
  await expect(note).toHaveText(/^Not in the total \(no price in USD\): (Q\d\dX, ){4}Q\d\dX and 15 more$/);
  // One line or two, whatever the codes: the table stays where it was.
  expect((await note.boundingBox())?.height).toBeLessThan(45);
  const table = page.getByRole('table');
  expect((await table.boundingBox())?.y).toBeLessThan(330);

  await note.getByRole('button', { name: 'and 15 more' }).click();
  await expect(page.getByText('20 of 21 balances')).toBeVisible();
  const shown = await lineNames(page);
  expect(shown).toHaveLength(20);
  expect(shown.every((name) => /^Q\d\dX, [\d,]+ Q\d\dX, no price, unpriced$/.test(name))).toBe(true);

  const chip = page.getByRole('button', { name: 'Unpriced only: show all balances' });
  await chip.click();
  await expect(page.getByText('21 balances', { exact: true })).toBeVisible();
  await expect(chip).toHaveCount(0);
});
