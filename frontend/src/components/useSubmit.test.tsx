import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useSubmit } from './useSubmit'

afterEach(cleanup)

describe('useSubmit', () => {
  it('runs one request when submit is called again before the first answers, then hands the answer on', async () => {
    const answers: string[] = []
    let calls = 0
    let answer: (value: string) => void = () => {}
    const { result } = renderHook(() => useSubmit<string>((value) => answers.push(value)))
    const request = () => {
      calls += 1
      return new Promise<string>((resolve) => (answer = resolve))
    }

    let first: Promise<void> = Promise.resolve()
    act(() => {
      first = result.current.submit(request)
      void result.current.submit(request) // a double click: ignored while the first is under way
    })
    expect(calls).toBe(1)
    expect(result.current.saving).toBe(true)

    await act(async () => {
      answer('saved')
      await first
    })
    expect(answers).toEqual(['saved'])
    expect(result.current.saving).toBe(false)

    await act(() => result.current.submit(() => Promise.resolve('again')))
    expect(calls).toBe(1) // the third request was its own function
    expect(answers).toEqual(['saved', 'again'])
  })

  it('keeps a failure for the form instead of throwing it', async () => {
    const failure = new Error('refused')
    const { result } = renderHook(() => useSubmit())
    await act(() => result.current.submit(() => Promise.reject(failure)))
    expect(result.current.error).toBe(failure)
    expect(result.current.saving).toBe(false)
  })
})
