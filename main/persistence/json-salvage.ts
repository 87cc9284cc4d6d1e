// Reading what is still readable in a damaged JSON file (cut off by a full disk or a crash, or
// garbled by a sync tool or a hand edit). Two strategies, because files differ in what is worth saving:
// a flat object of fields keeps every complete field before the damage; a list of records keeps every
// complete record anywhere in the file, before or after the damage.

import { setMember } from './json-objects.ts';

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

// Deeper than any store file nests; past it the text is treated as damaged rather than risking the stack.
const MAX_DEPTH = 256;

class PrefixParser {
  private i = 0;
  private depth = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  value(): Parsed {
    this.skipSpace();
    const c = this.text[this.i];
    if (c !== '{' && c !== '[') return this.scalar();
    if (this.depth >= MAX_DEPTH) return { value: undefined, complete: false };
    this.depth += 1;
    const parsed = c === '{' ? this.object() : this.array();
    this.depth -= 1;
    return parsed;
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
      return keep(this.value(), (value) => setMember(result, name, value));
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

/** Salvage for a store file that is one object of fields (settings, nonce marks): every complete field. */
export function salvageFields(damagedText: string): Record<string, unknown> {
  const value = parseJsonPrefix(damagedText);
  return isPlainObject(value) ? value : {};
}
