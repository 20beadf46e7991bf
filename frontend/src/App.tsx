import { lazy } from 'react'
import { Route, Routes } from 'react-router'
import { COMING_SOON_AREAS, Layout } from './components/Layout'
import { ComingSoonPage } from './pages/ComingSoonPage'
import { HomePage } from './pages/HomePage'
import { NotFoundPage } from './pages/NotFoundPage'
import { ReferencePage } from './pages/ReferencePage'

// Each area is its own chunk, fetched on first visit, so the first page stays small.
const DirectoryPage = lazy(() => import('./members/DirectoryPage').then((module) => ({ default: module.DirectoryPage })))
const MemberPage = lazy(() => import('./members/MemberPage').then((module) => ({ default: module.MemberPage })))
const OrganisationsPage = lazy(() => import('./organisations/OrganisationsPage').then((module) => ({ default: module.OrganisationsPage })))
const ApplyPage = lazy(() => import('./applications/ApplyPage').then((module) => ({ default: module.ApplyPage })))
const MyApplicationsPage = lazy(() => import('./applications/MyApplicationsPage').then((module) => ({ default: module.MyApplicationsPage })))
const QueuePage = lazy(() => import('./applications/QueuePage').then((module) => ({ default: module.QueuePage })))
const ClustersPage = lazy(() => import('./clusters/ClustersPage').then((module) => ({ default: module.ClustersPage })))
const ClusterPage = lazy(() => import('./clusters/ClusterPage').then((module) => ({ default: module.ClusterPage })))
const AppointPage = lazy(() => import('./clusters/AppointPage').then((module) => ({ default: module.AppointPage })))
const ApplicationDetailPage = lazy(() =>
  import('./applications/ApplicationDetailPage').then((module) => ({ default: module.ApplicationDetailPage })),
)
const WorkQueuePage = lazy(() => import('./home/WorkQueuePage').then((module) => ({ default: module.WorkQueuePage })))
const FundArea = lazy(() => import('./fund/FundArea').then((module) => ({ default: module.FundArea })))

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="members" element={<DirectoryPage />} />
        <Route path="members/:id" element={<MemberPage />} />
        <Route path="organisations" element={<OrganisationsPage />} />
        <Route path="apply" element={<ApplyPage />} />
        <Route path="my-applications" element={<MyApplicationsPage />} />
        <Route path="applications" element={<QueuePage />} />
        <Route path="applications/:id" element={<ApplicationDetailPage />} />
        <Route path="clusters" element={<ClustersPage />} />
        <Route path="clusters/:id" element={<ClusterPage />} />
        <Route path="clusters/:id/coordinators" element={<AppointPage />} />
        <Route path="fund/*" element={<FundArea />} />
        <Route path="my-work" element={<WorkQueuePage />} />
        {COMING_SOON_AREAS.filter((area) => area !== 'fund').map((area) => (
          <Route key={area} path={area} element={<ComingSoonPage area={area} />} />
        ))}
        <Route path="reference" element={<ReferencePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
