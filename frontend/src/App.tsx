import { lazy } from 'react'
import { Route, Routes } from 'react-router'
import { Layout } from './components/Layout'
import { HomePage } from './pages/HomePage'
import { NotFoundPage } from './pages/NotFoundPage'
import { ReferencePage } from './pages/ReferencePage'
import { toolkitRoutes } from './toolkits/routes'

// Each area is its own chunk, fetched on first visit, so the first page stays small.
const DirectoryPage = lazy(() => import('./members/DirectoryPage').then((module) => ({ default: module.DirectoryPage })))
const MemberPage = lazy(() => import('./members/MemberPage').then((module) => ({ default: module.MemberPage })))
const OrganisationsPage = lazy(() => import('./organisations/OrganisationsPage').then((module) => ({ default: module.OrganisationsPage })))
const ApplyPage = lazy(() => import('./applications/ApplyPage').then((module) => ({ default: module.ApplyPage })))
const MyApplicationsPage = lazy(() => import('./applications/MyApplicationsPage').then((module) => ({ default: module.MyApplicationsPage })))
const QueuePage = lazy(() => import('./applications/QueuePage').then((module) => ({ default: module.QueuePage })))
const ClustersPage = lazy(() => import('./clusters/ClustersPage').then((module) => ({ default: module.ClustersPage })))
const ClusterPage = lazy(() => import('./clusters/ClusterPage').then((module) => ({ default: module.ClusterPage })))
const DueReportsPage = lazy(() => import('./clusters/DueReportsPage').then((module) => ({ default: module.DueReportsPage })))
const SurveysPage = lazy(() => import('./surveys/SurveysPage').then((module) => ({ default: module.SurveysPage })))
const SurveyAnswerPage = lazy(() => import('./surveys/SurveyAnswerPage').then((module) => ({ default: module.SurveyAnswerPage })))
const SurveyResultsPage = lazy(() => import('./surveys/SurveyResultsPage').then((module) => ({ default: module.SurveyResultsPage })))
const ClusterFormPage = lazy(() => import('./clusters/ClusterFormPage').then((module) => ({ default: module.ClusterFormPage })))
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
        <Route path="clusters/new" element={<ClusterFormPage />} />
        <Route path="clusters/:id" element={<ClusterPage />} />
        <Route path="clusters/:id/edit" element={<ClusterFormPage />} />
        <Route path="clusters/:id/coordinators" element={<AppointPage />} />
        <Route path="clusters/due-reports" element={<DueReportsPage />} />
        <Route path="surveys" element={<SurveysPage />} />
        <Route path="surveys/:id/answer" element={<SurveyAnswerPage />} />
        <Route path="surveys/:id/results" element={<SurveyResultsPage />} />
        <Route path="fund/*" element={<FundArea />} />
        {toolkitRoutes}
        <Route path="my-work" element={<WorkQueuePage />} />
        <Route path="reference" element={<ReferencePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
