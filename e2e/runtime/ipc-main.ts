import { EventEmitter } from 'node:events';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { encodeClone, type Encoded } from './structured-clone.ts';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** ipcMain: `handle` for invoke, plain `on` for send. */
export class RuntimeIpcMain extends EventEmitter implements Pick<IpcMain, 'handle' | 'handleOnce' | 'removeHandler'> {
  private readonly handlers = new Map<string, InvokeListener>();

  constructor() {
    super();
    this.on('error', () => undefined); // Electron: a channel named "error" must not throw
  }

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    if (typeof listener !== 'function') throw new TypeError(`Expected handler to be a function, but found type '${typeof listener}'`);
    this.handlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: InvokeListener): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /**
   * Electron's '-ipc-invoke' dispatch: the handler's value goes back as a structured clone; a throw, a
   * missing handler or a value that cannot be cloned goes back as the error's text, and is logged.
   */
  async invoke(event: IpcMainInvokeEvent, channel: string, args: unknown[]): Promise<{ result: Encoded } | { error: string }> {
    const handler = this.handlers.get(channel);
    try {
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return { result: encodeClone(await handler(event, ...args)) };
    } catch (error) {
      console.error(`Error occurred in handler for '${channel}':`, error);
      return { error: String(error) };
    }
  }
}
