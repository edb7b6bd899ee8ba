/** `<odw-event-mode-picker>`: importing this module registers the element. */
export * from './widgets/event-mode-picker/event-mode-picker.ts';
