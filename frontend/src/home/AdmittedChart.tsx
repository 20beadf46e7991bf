import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js'
import { useEffect, useRef } from 'react'
import { currentLanguage } from '../i18n'

// Only the parts of Chart.js a bar chart needs, in a chunk of its own.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip)

/** Member cities by year of admission. The canvas is a labelled image; the figures are in the table beside it. */
export default function AdmittedChart({ years, label }: { years: { year: number; memberCities: number }[]; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const language = currentLanguage()
  const key = JSON.stringify(years)

  useEffect(() => {
    const context = canvas.current?.getContext('2d')
    if (!context) return // jsdom has no canvas: the table carries the figures
    const chart = new Chart(context, {
      type: 'bar',
      data: {
        labels: years.map((row) => String(row.year)),
        datasets: [{ label, data: years.map((row) => row.memberCities), backgroundColor: '#0072B2' }],
      },
      options: {
        locale: language,
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    })
    return () => chart.destroy()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- redrawn when the figures or language change
  }, [key, language, label])

  return (
    <div className="home-chart">
      <canvas ref={canvas} role="img" aria-label={label} data-testid="admitted-chart" />
    </div>
  )
}
