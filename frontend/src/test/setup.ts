import { configure } from '@testing-library/dom'

// The suite runs on 2-core machines that may be busy with other builds: findBy*/waitFor get 5 s
// (default 1 s) before they call an element missing, so a slow render is not reported as a bug.
configure({ asyncUtilTimeout: 5000 })
