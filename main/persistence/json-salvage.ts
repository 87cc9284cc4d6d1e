// Reading what is still readable in a damaged JSON file (cut off by a full disk or a crash, or
// garbled by a sync tool or a hand edit). Two strategies, because files differ in what is worth saving:
// a flat object of fields keeps every complete field before the damage; a list of records keeps every
// complete record anywhere in the file, before or after the damage.

/** A plain JSON object: what every store file must hold at its top level. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Parsed {
  value: unknown;
  /** False when the text ended or broke inside this value. */
  complete: boolean;
}

/**
 * Parses a JSON text up to its first damage. Objects and arrays keep the members that were complete
 * before it; a scalar cut in half is dropped. Nothing after the damage is trusted.
 */
export function parseJsonPrefix(text: string): unknown {
  return new PrefixParser(text).value().value;
}

class PrefixParser {
  private i = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  value(): Parsed {
    this.skipSpace();
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    return this.scalar();
  }

  private object(): Parsed {
    const result: Record<string, unknown> = {};
    return this.members(result, '}', () => {
      this.skipSpace();
      const key = this.scalar();
      if (!key.complete || typeof key.value !== 'string') return false;
      const name = key.value;
      this.skipSpace();
      if (this.text[this.i] !== ':') return false;
      this.i += 1;
      return keep(this.value(), (value) => (result[name] = value));
    });
  }

  private array(): Parsed {
    const result: unknown[] = [];
    return this.members(result, ']', () => keep(this.value(), (value) => result.push(value)));
  }

  /** The members of the object or array opening here, up to `close`; `member` reads one and says if it was whole. */
  private members(result: unknown, close: string, member: () => boolean): Parsed {
    this.i += 1;
    for (let first = true; ; first = false) {
      this.skipSpace();
      if (this.text[this.i] === close) {
        this.i += 1;
        return { value: result, complete: true };
      }
      if (!first) {
        if (this.text[this.i] !== ',') return { value: result, complete: false };
        this.i += 1;
      }
      if (!member()) return { value: result, complete: false };
    }
  }

  /** A string, number, true, false or null, read with JSON.parse so its rules are JSON's own. */
  private scalar(): Parsed {
    const start = this.i;
    SCALAR.lastIndex = start;
    const token = SCALAR.exec(this.text)?.[0];
    // A number that runs into the end of the text may have lost digits.
    if (token === undefined || (start + token.length === this.text.length && /[\d.]$/.test(token))) {
      return { value: undefined, complete: false };
    }
    try {
      const value: unknown = JSON.parse(token);
      this.i += token.length;
      return { value, complete: true };
    } catch {
      return { value: undefined, complete: false };
    }
  }

  private skipSpace(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i] as string)) this.i += 1;
  }
}

// Candidate tokens only: JSON.parse then applies JSON's own rules (escapes, no raw control characters).
const SCALAR = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

function isContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/** A member that broke off is kept only if it is an object or array (with its own complete members). */
function keep(member: Parsed, add: (value: unknown) => void): boolean {
  if (member.complete || isContainer(member.value)) add(member.value);
  return member.complete;
}

/**
 * Every complete JSON object in a damaged text that `accept` takes, in file order. An object that
 * parses but is not accepted is searched for accepted objects inside it; an accepted one is not.
 */
export function findJsonObjects<T>(text: string, accept: (value: unknown) => value is T): T[] {
  const found: T[] = [];
  let start = text.indexOf('{');
  while (start !== -1) {
    const end = closingBrace(text, start);
    const candidate = end === -1 ? undefined : tryParse(text.slice(start, end));
    if (candidate !== undefined && accept(candidate)) {
      found.push(candidate);
      start = text.indexOf('{', end);
    } else {
      start = text.indexOf('{', start + 1);
    }
  }
  return found;
}

/** Index just past the brace that closes the one at `start`, skipping strings; -1 if it never closes. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) {
        if (text[i] === '\\') i += 1;
      }
      if (i >= text.length) return -1;
    } else if (c === '{') {
      depth += 1;
    } else if (c === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Salvage for a store file that is one object of fields (settings, nonce marks): every complete field. */
export function salvageFields(damagedText: string): Record<string, unknown> {
  const value = parseJsonPrefix(damagedText);
  return isPlainObject(value) ? value : {};
}
