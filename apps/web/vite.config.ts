import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the api (port 3000) serves REST and the socket; Vite proxies both.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
  build: { outDir: 'dist', sourcemap: true },
});
