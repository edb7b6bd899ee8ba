// Vue 3 typings check: the GlobalComponents augmentation gives the `odw-*` tags typed props.
import type { GlobalComponents } from 'vue';
import type {} from '../../src/frameworks/vue.ts'; // in an app: 'on-demand-webinar-widgets/vue'

export type SummaryComponent = GlobalComponents['odw-on-demand-summary'];
