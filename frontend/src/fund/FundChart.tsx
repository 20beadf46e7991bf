import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js'
import { useEffect, useRef } from 'react'

// Only what the fund's bar and doughnut charts use, so the chunk stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip)

/** Colours that stay apart for colour-blind readers (Okabe–Ito). */
export const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999']

/**
 * A Chart.js chart. The picture is for the eye; its figures are in the table that goes with it,
 * so the canvas is an image with a label and screen readers go to the table.
 */
export function FundChart({ config, label, testId }: { config: ChartConfiguration; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const key = JSON.stringify(config.data)

  useEffect(() => {
    const context = canvas.current?.getContext('2d')
    if (!context) return // no canvas support (a test's DOM): the table still has every figure
    const chart = new Chart(context, config)
    return () => chart.destroy()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- redrawn when the data (or the language's labels) change
  }, [key])

  return (
    <div className="fund-chart">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  )
}
