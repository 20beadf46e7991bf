/** The API's limit for the motivation and implementation texts. */
export const WORD_LIMIT = 200

/** Words as a reader counts them: runs of anything but white space. */
export function countWords(text: string): number {
  const trimmed = text.trim()
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length
}
