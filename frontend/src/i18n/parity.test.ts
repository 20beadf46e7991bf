import { describe, expect, it } from 'vitest'
import en from './en.json'
import es from './es.json'
import fr from './fr.json'

const FILES: Record<string, unknown> = { en, fr, es }

/** Every leaf as "dotted.key" → text. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>()
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof child === 'string') leaves.set(path, child)
    else for (const [p, text] of flatten(child, path)) leaves.set(p, text)
  }
  return leaves
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

describe('translation files', () => {
  const flat = Object.fromEntries(Object.entries(FILES).map(([language, file]) => [language, flatten(file)]))
  const allKeys = [...new Set(Object.values(flat).flatMap((leaves) => [...leaves.keys()]))].sort()

  it.each(Object.keys(FILES))('%s has every key of the other languages', (language) => {
    const missing = allKeys.filter((key) => !flat[language].has(key))
    expect(missing, `keys missing in ${language}.json`).toEqual([])
  })

  it.each(Object.keys(FILES))('%s has no empty texts', (language) => {
    const empty = [...flat[language]].filter(([, text]) => text.trim() === '').map(([key]) => key)
    expect(empty, `empty texts in ${language}.json`).toEqual([])
  })

  it('uses the same {{placeholders}} in every language', () => {
    const mismatches = allKeys.flatMap((key) => {
      const expected = placeholders(flat.en.get(key) ?? '')
      return Object.keys(FILES)
        .filter((language) => flat[language].has(key))
        .filter((language) => placeholders(flat[language].get(key)!).join() !== expected.join())
        .map((language) => `${language}: ${key}`)
    })
    expect(mismatches).toEqual([])
  })
})
