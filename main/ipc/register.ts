import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  INVOKE_CHANNELS,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type IpcResult,
} from '../../ipc/contract.ts';
import { toIpcError } from './app-error.ts';
import { requestSchemas } from './schemas.ts';
import { log } from '../log.ts';

export type Handlers = {
  [C in InvokeChannel]: (request: InvokeRequest<C>) => InvokeResponse<C> | Promise<InvokeResponse<C>>;
};

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * One handler per contract channel (the mapped type makes a missing one a compile error). Each call is
 * checked for sender and payload before the handler runs, and always resolves to an IpcResult.
 */
export function registerIpcHandlers(handlers: Handlers, isTrustedSender: SenderCheck): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, raw: unknown) => dispatch(channel, handlers, isTrustedSender, event, raw));
  }
}

async function dispatch<C extends InvokeChannel>(
  channel: C,
  handlers: Handlers,
  isTrustedSender: SenderCheck,
  event: IpcMainInvokeEvent,
  raw: unknown,
): Promise<IpcResult<InvokeResponse<C>>> {
  if (!isTrustedSender(event)) {
    log.warn(`ipc: refused ${channel} from an untrusted sender`);
    return { ok: false, error: { code: 'untrusted-sender', message: 'This request did not come from the app window.' } };
  }
  const parsed = requestSchemas[channel].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `The request was not valid${field ? ` (${field}: ${issue?.message})` : ''}.`,
        ...(field ? { field } : {}),
      },
    };
  }
  try {
    const handler = handlers[channel] as (request: InvokeRequest<C>) => Promise<InvokeResponse<C>>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    log.error(`ipc: ${channel} failed`, error);
    return { ok: false, error: toIpcError(error) };
  }
}
