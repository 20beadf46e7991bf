import { lazy } from 'react'
import { Route } from 'react-router'

// The library's pages: each its own chunk, fetched on first visit (like the other areas in App.tsx).
const LibraryPage = lazy(() => import('./LibraryPage').then((module) => ({ default: module.LibraryPage })))
const ToolkitPage = lazy(() => import('./ToolkitPage').then((module) => ({ default: module.ToolkitPage })))
const ResourcePage = lazy(() => import('./ResourcePage').then((module) => ({ default: module.ResourcePage })))
const ProjectsPage = lazy(() => import('./ProjectsPage').then((module) => ({ default: module.ProjectsPage })))
const ProjectPage = lazy(() => import('./ProjectPage').then((module) => ({ default: module.ProjectPage })))
const CaseStudiesPage = lazy(() => import('./CaseStudiesPage').then((module) => ({ default: module.CaseStudiesPage })))
const CaseStudyPage = lazy(() => import('./CaseStudyPage').then((module) => ({ default: module.CaseStudyPage })))
const NewCaseStudyPage = lazy(() => import('./CaseStudyPage').then((module) => ({ default: module.NewCaseStudyPage })))
const NewProjectPage = lazy(() => import('./NewRecordPages').then((module) => ({ default: module.NewProjectPage })))
const NewToolkitPage = lazy(() => import('./NewRecordPages').then((module) => ({ default: module.NewToolkitPage })))
const NewResourcePage = lazy(() => import('./NewRecordPages').then((module) => ({ default: module.NewResourcePage })))
const TranslationStatusPage = lazy(() => import('./TranslationStatusPage').then((module) => ({ default: module.TranslationStatusPage })))

/** The library's routes, placed inside the app's layout route. */
export const toolkitRoutes = (
  <>
    <Route path="library" element={<LibraryPage />} />
    <Route path="toolkits/new" element={<NewToolkitPage />} />
    <Route path="toolkits/:id" element={<ToolkitPage />} />
    <Route path="resources/new" element={<NewResourcePage />} />
    <Route path="resources/:id" element={<ResourcePage />} />
    <Route path="projects" element={<ProjectsPage />} />
    <Route path="projects/new" element={<NewProjectPage />} />
    <Route path="projects/:id" element={<ProjectPage />} />
    <Route path="case-studies" element={<CaseStudiesPage />} />
    <Route path="case-studies/new" element={<NewCaseStudyPage />} />
    <Route path="case-studies/:id" element={<CaseStudyPage />} />
    <Route path="translation-status" element={<TranslationStatusPage />} />
  </>
)
