// Finding every complete JSON object in a damaged text (the records of a store file, before and after a
// garbled stretch), in time linear in the text. Each '{' is a candidate start parsed as if the text began
// there (fresh string state, so a garble that flips which quotes open strings cannot hide the records
// after it). Parsing one candidate also parses every object nested in it; each result, complete or
// failed, is memoised by its start, so a later candidate never parses it again.

/** How much reading a search did: characters read, for tests that check the work stays linear. */
export interface SearchWork {
  steps: number;
}

type Outcome = { value: Record<string, unknown>; end: number } | null;

const code = (c: string): number => c.charCodeAt(0);
const [QUOTE, COLON, MINUS, DIGIT_0, DIGIT_9, SPACE, TAB, LF, CR, CLOSE_BRACE] = ['"', ':', '-', '0', '9', ' ', '\t', '\n', '\r', '}'].map(code) as [
  number, number, number, number, number, number, number, number, number, number,
];
const UNKNOWN = 0;
const FAILED = -1;

// Each character is read a few times at most (once per string state it can be read in); this cap is a
// backstop against crafted input, far above what any damaged file needs, so the search stays linear.
const WORK_PER_CHARACTER = 16;

/**
 * Every complete JSON object in `text` that `accept` takes, in file order. An object that parses but is
 * not accepted is searched for accepted objects inside it; an accepted one is not.
 */
export function findJsonObjects<T>(text: string, accept: (value: unknown) => value is T, work: SearchWork = { steps: 0 }): T[] {
  const scanner = new ObjectScanner(text, work);
  const found: T[] = [];
  let acceptedUntil = 0;
  for (let start = text.indexOf('{'); start !== -1 && !scanner.exhausted(); start = text.indexOf('{', start + 1)) {
    if (start < acceptedUntil) continue;
    const outcome = scanner.objectAt(start);
    if (outcome !== null && accept(outcome.value)) {
      found.push(outcome.value);
      acceptedUntil = outcome.end;
    }
  }
  return found;
}

/** One open container while a candidate is parsed: its members so far and what may come next. */
interface Frame {
  start: number;
  kind: '{' | '[';
  value: Record<string, unknown> | unknown[];
  /** No member yet: the closing bracket may follow at once. */
  empty: boolean;
  /** A member was read and a ',' or the closing bracket must follow. */
  afterMember: boolean;
  /** An object's key, read and waiting for its value. */
  key?: string;
}

// A string without escapes (the common case, read without JSON.parse), any JSON string, a JSON number.
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings; this finds them
const PLAIN_STRING_REST = /[^"\\\u0000-\u001f]*"/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: ReadonlyArray<readonly [string, unknown]> = [['true', true], ['false', false], ['null', null]];
const NO_VALUE = Symbol('no value');

class ObjectScanner {
  /** Per position of a '{': UNKNOWN, FAILED, or the index just past its closing brace. */
  private readonly ends: Int32Array;
  /** The values of the objects that completed, by start. */
  private readonly values = new Map<number, Record<string, unknown>>();
  private readonly text: string;
  private readonly work: SearchWork;
  private readonly budget: number;
  private i = 0;

  constructor(text: string, work: SearchWork) {
    this.text = text;
    this.ends = new Int32Array(text.length);
    this.work = work;
    this.budget = work.steps + WORK_PER_CHARACTER * text.length + 1024;
  }

  exhausted(): boolean {
    return this.work.steps > this.budget;
  }

  /** The object whose '{' is at `start`, parsed strictly as JSON, or null when it never completes. */
  objectAt(start: number): Outcome {
    if (this.ends[start] !== UNKNOWN) return this.known(start);
    this.i = start + 1;
    this.skipSpace();
    // Most stray braces in damaged text are not followed by `"key":` or `}`: answered before setting up a parse.
    const first: Frame = { start, kind: '{', value: {}, empty: true, afterMember: false };
    if (this.text.charCodeAt(this.i) !== CLOSE_BRACE && !this.readKey(first)) {
      this.step(1);
      this.ends[start] = FAILED;
      return null;
    }
    const stack: Frame[] = [first];
    const fail = (): Outcome => this.failAll(stack);
    for (;;) {
      if (this.exhausted()) return fail();
      const frame = stack[stack.length - 1] as Frame;
      this.skipSpace();
      const c = this.text[this.i];
      const close = frame.kind === '{' ? '}' : ']';
      if (c === close && frame.key === undefined && (frame.afterMember || frame.empty)) {
        this.i += 1;
        this.step(1);
        stack.pop();
        if (frame.kind === '{') this.completed(frame.start, frame.value as Record<string, unknown>);
        const parent = stack[stack.length - 1];
        if (parent === undefined) return this.known(start);
        if (!this.addMember(parent, frame.value)) return fail();
        continue;
      }
      if (frame.afterMember) {
        if (c !== ',') return fail();
        this.i += 1;
        this.step(1);
        frame.afterMember = false;
        this.skipSpace();
      }
      if (frame.kind === '{' && frame.key === undefined && !this.readKey(frame)) return fail();
      if (this.readValue(stack) === 'failed') return fail();
    }
  }

  private known(start: number): Outcome {
    const end = this.ends[start] as number;
    return end === FAILED ? null : { value: this.values.get(start) as Record<string, unknown>, end };
  }

  private completed(start: number, value: Record<string, unknown>): void {
    this.ends[start] = this.i;
    this.values.set(start, value);
  }

  /** Failing inside any nested value fails every object that contains it: they all end at the same damage. */
  private failAll(stack: readonly Frame[]): null {
    for (const frame of stack) if (frame.kind === '{') this.ends[frame.start] = FAILED;
    return null;
  }

  /** Reads the member value at the cursor: a scalar, a memoised object, or a newly opened container. */
  private readValue(stack: Frame[]): 'read' | 'opened' | 'failed' {
    const frame = stack[stack.length - 1] as Frame;
    this.skipSpace();
    const c = this.text[this.i];
    if (c === '{') {
      const end = this.ends[this.i] as number;
      if (end === FAILED) return 'failed';
      if (end !== UNKNOWN) {
        const value = this.values.get(this.i);
        this.step(1);
        this.i = end;
        return this.addMember(frame, value) ? 'read' : 'failed';
      }
      stack.push({ start: this.i, kind: '{', value: {}, empty: true, afterMember: false });
      this.i += 1;
      this.step(1);
      return 'opened';
    }
    if (c === '[') {
      stack.push({ start: this.i, kind: '[', value: [], empty: true, afterMember: false });
      this.i += 1;
      this.step(1);
      return 'opened';
    }
    const scalar = this.readScalar();
    if (scalar === NO_VALUE) return 'failed';
    return this.addMember(frame, scalar) ? 'read' : 'failed';
  }

  /** Reads `"key" :` into the frame's pending key. */
  private readKey(frame: Frame): boolean {
    const key = this.text.charCodeAt(this.i) === QUOTE ? this.readString() : NO_VALUE;
    if (typeof key !== 'string') return false;
    this.skipSpace();
    if (this.text.charCodeAt(this.i) !== COLON) return false;
    this.i += 1;
    this.step(1);
    frame.key = key;
    return true;
  }

  private addMember(frame: Frame, value: unknown): boolean {
    if (frame.kind === '[') {
      (frame.value as unknown[]).push(value);
    } else {
      if (frame.key === undefined) return false;
      setMember(frame.value as Record<string, unknown>, frame.key, value);
      delete frame.key;
    }
    frame.empty = false;
    frame.afterMember = true;
    return true;
  }

  /** A string, number, true, false or null at the cursor, by JSON's own rules; NO_VALUE when there is none. */
  private readScalar(): unknown {
    const c = this.text.charCodeAt(this.i);
    if (c === QUOTE) return this.readString();
    if (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_9)) {
      NUMBER.lastIndex = this.i;
      const token = NUMBER.exec(this.text)?.[0];
      // A number that runs into the end of the text may have lost digits.
      if (token === undefined || this.i + token.length === this.text.length) return this.skipped(1);
      this.consume(token.length);
      return Number(token);
    }
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.i)) {
        this.consume(word.length);
        return value;
      }
    }
    return this.skipped(1);
  }

  private readString(): unknown {
    PLAIN_STRING_REST.lastIndex = this.i + 1;
    const plain = PLAIN_STRING_REST.exec(this.text)?.[0];
    if (plain !== undefined) {
      const value = this.text.slice(this.i + 1, this.i + plain.length);
      this.consume(plain.length + 1);
      return value;
    }
    STRING.lastIndex = this.i;
    const token = STRING.exec(this.text)?.[0];
    // A string that never closes was read to the end of the text looking for its closing quote.
    if (token === undefined) return this.skipped(this.text.length - this.i);
    try {
      const value: unknown = JSON.parse(token); // escapes, and no raw control characters, by JSON's rules
      this.consume(token.length);
      return value;
    } catch {
      return this.skipped(token.length);
    }
  }

  private consume(n: number): void {
    this.i += n;
    this.step(n);
  }

  private skipped(read: number): typeof NO_VALUE {
    this.step(read);
    return NO_VALUE;
  }

  private skipSpace(): void {
    const from = this.i;
    for (let c = this.text.charCodeAt(this.i); c === SPACE || c === TAB || c === LF || c === CR; c = this.text.charCodeAt(this.i)) this.i += 1;
    this.step(this.i - from);
  }

  private step(n: number): void {
    this.work.steps += n;
  }
}

/** A "__proto__" key is data in JSON, never the object's prototype, so it is defined rather than assigned. */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
