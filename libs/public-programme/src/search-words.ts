const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 60;

/**
 * The words of a search text: runs of letters and digits, at most eight, each at most 60
 * characters. Anything else (quotes, operators of the tsquery syntax) only separates words.
 */
export function searchWords(text: string): string[] {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => word.slice(0, MAX_WORD_LENGTH)))].slice(0, MAX_WORDS);
}
