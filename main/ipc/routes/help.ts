import { shell } from 'electron';
import { z } from 'zod';
import type { HelpTopic } from '../../../ipc/contract.ts';
import { KRAKEN_STATUS_PAGE } from '../../../shared/kraken-places.ts';
import type { RoutesFor } from '../register.ts';

/** The only pages the app opens in the browser: fixed here, never a URL from the renderer. */
export const HELP_PAGES: Record<HelpTopic, string> = {
  'create-api-key': 'https://support.kraken.com/hc/en-us/articles/360000919966-How-to-create-an-API-key',
  'nonce-window': 'https://support.kraken.com/hc/en-us/articles/360000906023-What-is-a-nonce-',
  extensions: 'https://support.kraken.com/hc/en-us/articles/360039879471-What-is-Asset-S-and-Asset-M-',
  'kraken-status': KRAKEN_STATUS_PAGE,
};

export function helpRoutes(): RoutesFor<'shell:open-help'> {
  return {
    'shell:open-help': {
      schema: z.object({ topic: z.enum(['create-api-key', 'nonce-window', 'extensions', 'kraken-status']) }).strict(),
      handle: ({ topic }) => shell.openExternal(HELP_PAGES[topic]),
    },
  };
}
