/** The API's limit for the motivation and implementation texts. */
export const WORD_LIMIT = 200

/** Words as a reader counts them: runs of non-space text with a letter or digit in them (a lone dash is no word). */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length
}
