/** Escapes LIKE wildcards so that a search for "100%" finds that text, not everything. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
