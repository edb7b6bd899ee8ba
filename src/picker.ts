/** `<odw-event-mode-picker>`: importing this module registers the element. */
export * from './elements/event-mode-picker/event-mode-picker.ts';
