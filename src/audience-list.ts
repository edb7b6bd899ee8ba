/** `<odw-audience-list>`: importing this module registers the element. */
export { OdwAudienceList, audienceCsv, type SortChangeDetail } from './elements/audience-list/audience-list.ts';
export type { AudienceListStrings } from './elements/audience-list/audience-list.strings.ts';
