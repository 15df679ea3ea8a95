/**
 * The admin app's build. Two entries: the admin app (`index.html`) and GraphiQL
 * (`graphiql.html`, served at `/graphiql`), so GraphiQL's editor never weighs on the app's
 * first load. In development the API (port 4000) sits behind a proxy, so the session cookie is
 * same-origin exactly as in production, where the API serves `dist/` itself.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiOrigin = 'http://localhost:4000';
const proxied = Object.fromEntries(
  ['/graphql', '/auth', '/export', '/healthz'].map((path) => [
    path,
    // ws: live updates (GraphQL subscriptions) share /graphql with HTTP.
    { target: apiOrigin, changeOrigin: false, ws: path === '/graphql' },
  ]),
);

export default defineConfig({
  plugins: [react()],
  resolve: {
    // One copy of graphql in the bundle: its ESM build, whatever a dependency asks for.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.mjs' }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // GraphiQL's editor (Monaco) is one large chunk by nature; the admin app's own budget is
    // enforced by scripts/check-dist.mjs instead.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      onLog(level, log, handler) {
        // GraphiQL's packages are compiled with React Compiler directives that bundling drops, harmlessly.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('node_modules')) return;
        handler(level, log);
      },
      input: {
        admin: fileURLToPath(new URL('./index.html', import.meta.url)),
        graphiql: fileURLToPath(new URL('./graphiql.html', import.meta.url)),
      },
      output: {
        // React is shared by both pages: one long-cached chunk under a name that says what it is.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(react|react-dom|scheduler)[\\/]/,
            },
          ],
        },
      },
    },
  },
  optimizeDeps: {
    // The worker setup imports Monaco's workers with `?worker`, which only Vite's own worker
    // plugin understands: serve it as is instead of pre-bundling it.
    exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'],
  },
  server: { port: 5173, proxy: proxied },
  preview: { port: 4173, proxy: proxied },
});
