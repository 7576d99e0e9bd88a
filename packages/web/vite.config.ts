/** Vite build of the single-page app into packages/web/dist, which the server serves under `/`. */
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// eslint-disable-next-line no-restricted-syntax -- Vite reads the default export
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react()],
  // Workspace packages are compiled from their TypeScript sources (the "source" export condition).
  resolve: { conditions: ["source", ...defaultClientConditions] },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
