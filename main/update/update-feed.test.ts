import { describe, expect, it } from 'vitest';
import { updateFeed } from './update-feed.ts';
import { releaseNotesText, RELEASE_NOTES_MAX_CHARS } from './release-notes.ts';

describe('updateFeed', () => {
  it('uses the release feed in an installed build, whatever the environment says', () => {
    expect(updateFeed(true, {})).toEqual({ kind: 'release' });
    expect(updateFeed(true, { KRAKEN_BALANCES_UPDATE_FEED: 'http://127.0.0.1:9/' })).toEqual({ kind: 'release' });
  });

  it('never updates a development build unless a feed to test against is named', () => {
    expect(updateFeed(false, {})).toEqual({ kind: 'off', reason: 'development build' });
    expect(updateFeed(false, { KRAKEN_BALANCES_UPDATE_FEED: ' ' })).toMatchObject({ kind: 'off' });
    expect(updateFeed(false, { KRAKEN_BALANCES_UPDATE_FEED: 'http://127.0.0.1:4567/feed/' })).toEqual({ kind: 'dev-feed', url: 'http://127.0.0.1:4567/feed/' });
  });

  it('lets a development feed, and only that, check sooner after start (never later)', () => {
    const feed = 'http://127.0.0.1:4567/feed/';
    expect(updateFeed(false, { KRAKEN_BALANCES_UPDATE_FEED: feed, KRAKEN_BALANCES_UPDATE_FIRST_CHECK_S: '3' })).toEqual({ kind: 'dev-feed', url: feed, firstCheckDelayMs: 3000 });
    for (const junk of ['0', '30', '600', '2.5', 'soon', '']) {
      expect(updateFeed(false, { KRAKEN_BALANCES_UPDATE_FEED: feed, KRAKEN_BALANCES_UPDATE_FIRST_CHECK_S: junk })).toEqual({ kind: 'dev-feed', url: feed });
    }
    expect(updateFeed(true, { KRAKEN_BALANCES_UPDATE_FEED: feed, KRAKEN_BALANCES_UPDATE_FIRST_CHECK_S: '3' })).toEqual({ kind: 'release' });
    expect(updateFeed(false, { KRAKEN_BALANCES_UPDATE_FIRST_CHECK_S: '3' })).toEqual({ kind: 'off', reason: 'development build' });
  });

  it('refuses a development feed that is not an http(s) URL', () => {
    expect(updateFeed(false, { KRAKEN_BALANCES_UPDATE_FEED: 'not a url' })).toMatchObject({ kind: 'off', reason: expect.stringContaining('not a URL') });
    expect(updateFeed(false, { KRAKEN_BALANCES_UPDATE_FEED: 'file:///tmp/feed' })).toMatchObject({ kind: 'off', reason: expect.stringContaining('http(s)') });
  });
});

describe('releaseNotesText', () => {
  it("turns GitHub's HTML into text: no tags, no scripts, bullets and line breaks kept", () => {
    const html = '<h2>1.2.0</h2><p>Faster &amp; safer.</p><ul><li>Tray &lt;fix&gt;</li><li>Menu</li></ul><script>alert(1)</script><img src=x onerror=alert(1)>';
    expect(releaseNotesText(html)).toBe('1.2.0\nFaster & safer.\n\n• Tray <fix>\n• Menu');
  });

  it('joins notes given per version and bounds the length', () => {
    expect(releaseNotesText([{ version: '1.1.0', note: '<p>One</p>' }, { version: '1.2.0', note: null }])).toBe('1.1.0\nOne\n1.2.0');
    expect(releaseNotesText('x'.repeat(RELEASE_NOTES_MAX_CHARS + 50))).toHaveLength(RELEASE_NOTES_MAX_CHARS);
    expect(releaseNotesText(null)).toBe('');
  });
});
