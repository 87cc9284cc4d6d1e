// A reader for XML property lists (what electron-builder writes into a macOS app's Info.plist), enough to
// check the values it sets: dict, array, key, string, integer, real, true, false, date and data.
export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

type Token = { kind: 'open' | 'close' | 'empty'; name: string } | { kind: 'text'; text: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity.toLowerCase()] ?? '';
  });
}

function isClose(token: Token | undefined, name: string): boolean {
  return token?.kind === 'close' && token.name === name;
}

function tokenize(xml: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->|<(\/?)([A-Za-z]+)[^>]*?(\/?)>|([^<]+)/g;
  for (const match of xml.matchAll(pattern)) {
    const [, slash, name, selfClosing, text] = match;
    if (name) tokens.push({ kind: slash ? 'close' : selfClosing ? 'empty' : 'open', name });
    else if (text !== undefined && text.trim() !== '') tokens.push({ kind: 'text', text: decode(text) });
  }
  return tokens;
}

export function parsePlist(xml: string): PlistValue {
  const tokens = tokenize(xml);
  let at = 0;
  const next = (): Token => {
    const token = tokens[at++];
    if (!token) throw new Error('plist ends early');
    return token;
  };
  const expectClose = (name: string): void => {
    const token = next();
    if (!isClose(token, name)) throw new Error(`plist: expected </${name}>`);
  };
  const textUntilClose = (name: string): string => {
    const token = next();
    if (isClose(token, name)) return '';
    if (token.kind !== 'text') throw new Error(`plist: unexpected element inside <${name}>`);
    expectClose(name);
    return token.text;
  };
  const value = (): PlistValue => {
    const token = next();
    if (token.kind === 'empty') {
      if (token.name === 'true') return true;
      if (token.name === 'false') return false;
      if (token.name === 'string') return '';
      if (token.name === 'dict') return {};
      if (token.name === 'array') return [];
      throw new Error(`plist: unexpected <${token.name}/>`);
    }
    if (token.kind !== 'open') throw new Error('plist: expected a value');
    switch (token.name) {
      case 'plist': {
        const inner = value();
        expectClose('plist');
        return inner;
      }
      case 'dict': {
        const dict: { [key: string]: PlistValue } = {};
        for (;;) {
          const key = next();
          if (isClose(key, 'dict')) return dict;
          if (key.kind !== 'open' || key.name !== 'key') throw new Error('plist: expected <key> in <dict>');
          dict[textUntilClose('key')] = value();
        }
      }
      case 'array': {
        const items: PlistValue[] = [];
        while (!isClose(tokens[at], 'array')) items.push(value());
        at++;
        return items;
      }
      case 'integer':
      case 'real':
        return Number(textUntilClose(token.name));
      case 'string':
      case 'date':
      case 'data':
        return textUntilClose(token.name);
      default:
        throw new Error(`plist: unknown element <${token.name}>`);
    }
  };
  return value();
}
