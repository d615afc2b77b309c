import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Map libraries get their own chunks so the app shell loads first and caches independently.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // Dependencies the workers import: pre-bundled at dev-server start, so the first page load is not
  // interrupted by a late "new dependencies optimized, reloading" (seen with d3-contour/flatbush).
  optimizeDeps: {
    include: ['d3-contour', 'flatbush', 'flatqueue', 'comlink', 'proj4', 'shpjs', 'papaparse', 'osmtogeojson', 'gcoord', 'geojson-validation', '@turf/turf'],
  },
  build: {
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/maplibre-gl')) return 'maplibre';
          if (id.includes('node_modules/@deck.gl') || id.includes('node_modules/@luma.gl') || id.includes('node_modules/@loaders.gl') || id.includes('node_modules/@math.gl')) return 'deckgl';
          return undefined;
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
