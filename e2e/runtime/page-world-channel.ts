/**
 * A synchronous, private line between a page's isolated world (where the preload runs) and its main world:
 * JSON text in CustomEvents on a detached element that only the two runtime scripts hold. Event dispatch is
 * synchronous and reaches listeners of every world, so a request gets its answer before dispatchEvent
 * returns, as a call across Electron's contextBridge does. Page code never sees the element (it is in no
 * document, and the main world got it in a handshake before any page script ran), so it can neither listen
 * in nor forge a message.
 *
 * Self-contained: injected into pages as source text (see page-scripts.ts). Everything it calls later is
 * captured now, at document start, so page code that replaces a built-in cannot get hold of the element.
 */

export type WorldRequest = (message: unknown) => unknown;

export interface WorldAnswer {
  ok: boolean;
  value?: unknown;
  error?: string;
}

export function openWorldChannel(node: EventTarget, sendType: string, receiveType: string, handle: (message: unknown) => unknown): WorldRequest {
  const apply = Reflect.apply;
  const { dispatchEvent, addEventListener } = EventTarget.prototype;
  const detailOf = Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail')?.get as () => unknown;
  const Custom = CustomEvent;
  const { parse, stringify } = JSON;
  let lastAnswer: WorldAnswer | null = null;

  const post = (payload: unknown): void => {
    apply(dispatchEvent, node, [new Custom(sendType, { detail: stringify(payload) })]);
  };
  apply(addEventListener, node, [receiveType, (event: Event) => {
    const message = parse(apply(detailOf, event, []) as string) as { answer?: WorldAnswer; request?: unknown };
    if (message.answer) {
      lastAnswer = message.answer;
      return;
    }
    let answer: WorldAnswer;
    try {
      answer = { ok: true, value: handle(message.request) };
    } catch (error) {
      answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    post({ answer });
  }]);

  return (request) => {
    lastAnswer = null;
    post({ request });
    const answer = lastAnswer as WorldAnswer | null;
    if (!answer) throw new Error('the other world did not answer');
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  };
}
