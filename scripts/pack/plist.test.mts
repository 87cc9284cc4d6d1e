import { describe, expect, it } from 'vitest';
import { parsePlist } from './plist.mts';

describe('parsePlist', () => {
  it('reads nested dicts, arrays, booleans, numbers and entities', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- a comment -->
<plist version="1.0">
  <dict>
    <key>Name</key><string>Kraken &amp; Co &#8364;</string>
    <key>Count</key><integer>42</integer>
    <key>Ratio</key><real>0.5</real>
    <key>On</key><true/>
    <key>Off</key><false/>
    <key>Empty</key><string></string>
    <key>List</key><array><string>a</string><dict><key>b</key><true/></dict></array>
    <key>Nested</key><dict><key>Resources/app.asar</key><dict><key>hash</key><string>ab12</string></dict></dict>
  </dict>
</plist>`;
    expect(parsePlist(xml)).toEqual({
      Name: 'Kraken & Co €',
      Count: 42,
      Ratio: 0.5,
      On: true,
      Off: false,
      Empty: '',
      List: ['a', { b: true }],
      Nested: { 'Resources/app.asar': { hash: 'ab12' } },
    });
  });

  it('says what is wrong with a malformed plist', () => {
    expect(() => parsePlist('<plist><dict><string>x</string></dict></plist>')).toThrow('expected <key> in <dict>');
    expect(() => parsePlist('<plist><dict><key>a</key>')).toThrow('plist ends early');
    expect(() => parsePlist('<plist><widget/></plist>')).toThrow('unexpected <widget/>');
  });
});
