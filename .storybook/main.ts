import type { StorybookConfig } from '@storybook/web-components-vite';
import { OPTIMIZE_DEPS_INCLUDE } from '../scripts/toolchain.ts';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Serves mockServiceWorker.js: every story gets its data from the REST adapter over MSW.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  viteFinal: async (viteConfig) => {
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), ...OPTIMIZE_DEPS_INCLUDE],
    };
    return viteConfig;
  },
};

export default config;
