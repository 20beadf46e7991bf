import { defineConfig } from 'vitest/config'

const backend = 'http://localhost:8080'

export default defineConfig({
  // esbuild's own JSX transform: no React plugin needed (no fast refresh, a full reload instead).
  esbuild: { jsx: 'automatic' },
  server: {
    port: 5173,
    strictPort: true, // Keycloak's redirect URIs name this port
    proxy: { '/api': backend, '/q': backend },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" (for React Server Components); meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return
        warn(warning)
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // A test that waits up to 5 s for the page must itself get longer than vitest's default 5 s.
    testTimeout: 20000,
  },
})
