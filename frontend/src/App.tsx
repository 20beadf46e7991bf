import { Route, Routes } from 'react-router'
import { AREAS, Layout } from './components/Layout'
import { ComingSoonPage } from './pages/ComingSoonPage'
import { HomePage } from './pages/HomePage'
import { NotFoundPage } from './pages/NotFoundPage'
import { ReferencePage } from './pages/ReferencePage'

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        {AREAS.map((area) => (
          <Route key={area} path={area} element={<ComingSoonPage area={area} />} />
        ))}
        <Route path="reference" element={<ReferencePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
