import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  INVOKE_CHANNELS,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type IpcResult,
} from '../../ipc/contract.ts';
import { log } from '../log.ts';
import { INTERNAL_ERROR, toIpcError } from './ipc-error.ts';

/** How main answers one channel: the schema its payload must pass, then the handler. */
export interface Route<C extends InvokeChannel> {
  schema: z.ZodType<InvokeRequest<C>>;
  handle: (request: InvokeRequest<C>) => InvokeResponse<C> | Promise<InvokeResponse<C>>;
}

/** One route per contract channel: a channel without one is a compile error in main/routes.ts. */
export type Routes = { [C in InvokeChannel]: Route<C> };

/** A slice of the routes, owned by one area's file under main/ipc/routes/. */
export type RoutesFor<C extends InvokeChannel> = Pick<Routes, C>;

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Every payload in the contract is plain data. IPC also delivers Dates, Maps, Sets, RegExps, typed arrays and
 * Errors, and a schema for an object takes any of them as an object with no fields (an empty settings patch),
 * so they are refused before the schema sees them.
 */
function isPlainData(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > 8) return false; // deeper than any contract payload
  const prototype: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) return prototype === Array.prototype && value.every((item) => isPlainData(item, depth + 1));
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).every((item) => isPlainData(item, depth + 1));
}

/** Every call is checked for sender and payload before its handler runs, and always resolves to an IpcResult. */
export function registerRoutes(routes: Routes, isTrustedSender: SenderCheck): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, raw: unknown) => dispatch(channel, routes[channel] as Route<typeof channel>, isTrustedSender, event, raw));
  }
}

export async function dispatch<C extends InvokeChannel>(
  channel: C,
  route: Route<C>,
  isTrustedSender: SenderCheck,
  event: IpcMainInvokeEvent,
  raw: unknown,
): Promise<IpcResult<InvokeResponse<C>>> {
  if (!isTrustedSender(event)) {
    log.warn(`ipc: refused ${channel} from an untrusted sender`);
    return { ok: false, error: { code: 'untrusted-sender', message: 'This request did not come from the app window.' } };
  }
  if (!isPlainData(raw)) {
    return { ok: false, error: { code: 'invalid-request', message: 'The request was not valid: it may hold only plain objects, arrays, text, numbers and true/false.' } };
  }
  const parsed = route.schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `The request was not valid${field ? ` (${field}: ${issue?.message})` : issue ? `: ${issue.message}` : ''}.`,
        ...(field ? { field } : {}),
      },
    };
  }
  try {
    return { ok: true, value: await route.handle(parsed.data) };
  } catch (error) {
    const answer = toIpcError(error);
    // An answer meant for the user (a mistyped key, Kraken unreachable) is routine: one line, no stack.
    if (answer === INTERNAL_ERROR) log.error(`ipc: ${channel} failed`, error);
    else log.info(`ipc: ${channel} answered ${answer.code}`);
    return { ok: false, error: answer };
  }
}
