import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minifyTemplates, minifyTemplateText } from './minify-templates.ts';

describe('minifyTemplateText: css', () => {
  it.each([
    ['comments and indentation go', ':host {\n  /* why */\n  display: block;\n}\n', ':host{display:block;}'],
    ['a descendant pseudo-class keeps its space', '.a :hover { color: red; }', '.a :hover{color:red;}'],
    ['a pseudo-class in a selector is untouched', 'button:focus-visible , a:hover {outline: 2px solid;}', 'button:focus-visible,a:hover{outline:2px solid;}'],
    ['calc keeps spaces around + and -', '.x { width: calc(100% - 2px + 1em); }', '.x{width:calc(100% - 2px + 1em);}'],
    ['strings keep every character', ".x::after { content: '⚠\\\\fe0e  '; }", ".x::after{content:'⚠\\\\fe0e  ';}"],
    ['an apostrophe in a comment is no string', "/* don't */ .x { margin: 0; }", '.x{margin:0;}'],
    ['a media query keeps its own colon', '@media (min-width: 40rem) {\n .x { gap: 1rem; }\n}', '@media (min-width: 40rem){.x{gap:1rem;}}'],
    ['custom properties', ':host { --odw-gap: var(--x, 4px); }', ':host{--odw-gap:var(--x,4px);}'],
    ['a part ending inside a string is left as written', "content: '", "content: '"],
  ])('%s', (_, input, output) => {
    expect(minifyTemplateText(input, 'css')).toBe(output);
  });
});

describe('minifyTemplateText: html', () => {
  it('turns a line break with indentation into one space and keeps spaces within a line', () => {
    expect(minifyTemplateText('\n    <p class="a  b">\n      one  two\n    </p>\n  ', 'html')).toBe(' <p class="a  b"> one  two </p> ');
  });
});

describe('minifyTemplates', () => {
  it('rewrites only the static text of css, html and svg templates', () => {
    const source = [
      'const style = css`\n  :host {\n    display: block;\n  }\n`;',
      'const view = html`\n  <p>${name}\n  </p>\n`;',
      'const shape = svg`<g>\n  <rect></rect>\n</g>`;',
      'const text = `keep\n  this`;',
      'const other = sql`keep\n  this`;',
    ].join('\n');
    expect(minifyTemplates(source, 'x.ts')).toBe(
      ['const style = css`:host{display:block;}`;', 'const view = html` <p>${name} </p> `;', 'const shape = svg`<g> <rect></rect> </g>`;', 'const text = `keep\n  this`;', 'const other = sql`keep\n  this`;'].join('\n'),
    );
  });

  it('is safe for the kit: no template relies on preserved whitespace', () => {
    // Collapsing line breaks in html templates is exact only where whitespace collapses anyway.
    const files = (directory: string): string[] =>
      readdirSync(directory).flatMap((name) => {
        const path = join(directory, name);
        return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
      });
    for (const path of files('src')) {
      const source = readFileSync(path, 'utf8');
      expect(source, path).not.toMatch(/<pre\b|<textarea\b|white-space:\s*(pre|break-spaces)/);
    }
  });
});
