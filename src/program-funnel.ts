/** `<odw-program-funnel>`: importing this module registers the element. */
export { OdwProgramFunnel } from './elements/program-funnel/program-funnel.ts';
export type { ProgramFunnelStrings } from './elements/program-funnel/program-funnel.strings.ts';
export type { FunnelAnswer } from './data/funnel-question.ts';
