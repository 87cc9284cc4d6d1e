import { z } from 'zod';
import type { QuoteCurrency, Settings } from '../../ipc/contract.ts';

export const QUOTE_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'JPY', 'CHF', 'AUD', 'USDT', 'USDC', 'BTC', 'ETH'] as const satisfies readonly QuoteCurrency[];

/**
 * Refresh bounds. One refresh costs one private call per key; the Starter tier decays 0.33 calls/s, so even
 * the floor (30 s: 0.033 calls/s) leaves the budget almost untouched for manual refreshes and other tools.
 */
export const REFRESH_INTERVAL_MIN_SEC = 30;
export const REFRESH_INTERVAL_MAX_SEC = 3600;

const decimalString = z.string().regex(/^\d{1,15}(\.\d{1,18})?$/, 'must be a non-negative decimal number');

export const settingsSchema = z.object({
  refreshIntervalSec: z.number().int().min(REFRESH_INTERVAL_MIN_SEC).max(REFRESH_INTERVAL_MAX_SEC),
  quoteCurrency: z.enum(QUOTE_CURRENCIES),
  rebaseMultiplier: z.enum(['rebased', 'base']),
  tier: z.enum(['starter', 'intermediate', 'pro']),
  launchAtLogin: z.boolean(),
  startMinimized: z.boolean(),
  closeToTray: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
  charts: z.enum(['auto', 'shown', 'hidden']),
  privacyMode: z.boolean(),
  hideSmallBelow: decimalString,
  notifyOnChange: z.boolean(),
  notifyThresholdPercent: decimalString,
  autoUpdate: z.boolean(),
}) satisfies z.ZodType<Settings>;

/**
 * A settings update names only what changes; unknown keys are refused, not ignored, and so is a key given
 * as `undefined` (a field is either named with a valid value or left out, never "set to nothing").
 */
export const settingsPatchSchema = z
  .object(Object.fromEntries(Object.entries(settingsSchema.shape).map(([key, field]) => [key, field.exactOptional()])) as {
    [K in keyof typeof settingsSchema.shape]: z.ZodExactOptional<(typeof settingsSchema.shape)[K]>;
  })
  .strict();

export const DEFAULT_SETTINGS: Settings = {
  refreshIntervalSec: 60,
  quoteCurrency: 'USD',
  rebaseMultiplier: 'rebased',
  tier: 'starter',
  launchAtLogin: false,
  startMinimized: false,
  closeToTray: true,
  theme: 'system',
  charts: 'auto',
  privacyMode: false,
  hideSmallBelow: '0',
  notifyOnChange: false,
  notifyThresholdPercent: '5',
  autoUpdate: true,
};
