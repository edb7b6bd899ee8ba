import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // The SSR check (src/server.tsx) runs in Node: leave the kit and React to Node's resolution.
  ssr: { external: ['on-demand-webinar-widgets', 'react', 'react-dom'] },
});
