// Server rendering: the page's HTML from Node. The elements come out as their tags with their
// attributes; they render (and get their object properties) when they upgrade in the browser.
import { renderToString } from 'react-dom/server';
import { App } from './App.tsx';

export function render(): string {
  return renderToString(<App />);
}
