/** Electron's preventable event object, as passed to 'will-navigate', 'close', 'before-quit' … */
export interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function preventableEvent<T extends object>(extra?: T): PreventableEvent & T {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  } as PreventableEvent & T;
  return event;
}
