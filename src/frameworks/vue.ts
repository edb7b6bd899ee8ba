/*
 * Template typings for Vue 3 (Volar): `import type {} from 'on-demand-webinar-widgets/vue';`
 * once, and tell Vue's compiler the `odw-` tags are custom elements
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('odw-')`).
 */
import type { DefineComponent } from 'vue';
import type { OdwReactElements } from './react.ts';

type VueProps<Tag extends keyof OdwReactElements> = Omit<OdwReactElements[Tag], 'ref' | 'key' | 'children' | 'dangerouslySetInnerHTML'>;

declare module 'vue' {
  interface GlobalComponents {
    'odw-data-provider': DefineComponent<VueProps<'odw-data-provider'>>;
    'odw-on-demand-statistics': DefineComponent<VueProps<'odw-on-demand-statistics'>>;
    'odw-on-demand-summary': DefineComponent<VueProps<'odw-on-demand-summary'>>;
    'odw-event-mode-picker': DefineComponent<VueProps<'odw-event-mode-picker'>>;
  }
}
