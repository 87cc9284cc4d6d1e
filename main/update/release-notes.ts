/** What electron-updater gives as release notes: GitHub's HTML body, or one entry per version. */
export type RawReleaseNotes = string | readonly { readonly version: string; readonly note: string | null }[] | null | undefined;

export const RELEASE_NOTES_MAX_CHARS = 4000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Release notes as plain text. GitHub sends them as HTML; the window shows text only (never markup from the
 * network), so tags go, block ends become line breaks, list items get a bullet, and the length is bounded.
 */
export function releaseNotesText(notes: RawReleaseNotes): string {
  if (notes === null || notes === undefined) return '';
  const html = typeof notes === 'string' ? notes : notes.map((entry) => `<h3>${entry.version}</h3>${entry.note ?? ''}`).join('');
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<li[^>]*>/gi, '\n• ')
    .replace(/<br\s*\/?>|<\/(p|div|h\d|ul|ol|pre|blockquote)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#39|[a-z]+);/gi, (entity: string, name: string) => ENTITIES[name.toLowerCase()] ?? entity)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.length <= RELEASE_NOTES_MAX_CHARS ? text : `${text.slice(0, RELEASE_NOTES_MAX_CHARS - 1)}…`;
}
