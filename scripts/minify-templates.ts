/*
 * Shrinks the static text of Lit's `css`, `html` and `svg` tagged templates: source formatting
 * (newlines, indentation, CSS comments) is not needed by a browser, and Lit ships template text
 * as written. Applied to the shipped build (`npm run build:lib`, over dist/) and, through the
 * esbuild plugin below, to every bundle scripts/size.ts measures, so the size budget measures
 * what ships.
 *
 * Only changes that cannot change rendering:
 * - html/svg: a whitespace run that contains a line break becomes one space (HTML collapses it to
 *   one space anyway; no template of the kit uses <pre>, <textarea> or `white-space: pre`, which
 *   a test checks).
 * - css: comments go; whitespace runs become one space; spaces next to `{`, `}`, `;`, `,` and
 *   after a declaration's `:` go. Spaces before `:` stay (`.a :hover` is a descendant selector),
 *   and so do spaces around `+`, `-`, `*`, `/` (`calc()` needs them).
 *
 * Usage: node scripts/minify-templates.ts dist
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

type Tag = 'css' | 'html';

/** The static text between the delimiters of one template part, minified for `tag`. */
export function minifyTemplateText(text: string, tag: Tag, edges: { first: boolean; last: boolean } = { first: true, last: true }): string {
  if (tag === 'html') return text.replace(/[ \t]*\n\s*/g, ' ');
  // Quoted strings (`content: ' · '`) keep every character: set aside, minify, put back.
  const strings: string[] = [];
  const minified = text
    // One pass for both, so an apostrophe in a comment does not start a string and `/*` in a string does not start a comment.
    .replace(/\/\*[\s\S]*?\*\/|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, (found) => (found.startsWith('/*') ? ' ' : `\u0000${strings.push(found) - 1}\u0000`))
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/:\s(?=[^{}]*;|[^{}]*})/g, (match, offset: number, whole: string) => (isInsideDeclaration(whole, offset) ? ':' : match));
  // A part that starts or ends inside a string (`content: '${label}'`) is left as written.
  if (/['"]/.test(minified)) return text;
  // Space at the template's own start or end means nothing; next to an expression it may.
  const trimmed = edges.first ? (edges.last ? minified.trim() : minified.trimStart()) : edges.last ? minified.trimEnd() : minified;
  // eslint-disable-next-line no-control-regex -- NUL marks the strings set aside above; it cannot occur in CSS source.
  return trimmed.replace(/\u0000(\d+)\u0000/g, (_, index: string) => strings[Number(index)] ?? '');
}

/** True when the `:` at `offset` separates a property from its value (not a selector's pseudo-class). */
function isInsideDeclaration(text: string, offset: number): boolean {
  const lastOpen = text.lastIndexOf('{', offset);
  const lastClose = text.lastIndexOf('}', offset);
  const lastSemicolon = text.lastIndexOf(';', offset);
  // Inside a block, after `{` or `;`, the next `:` is a declaration's (a nested rule would have
  // its own `{` before any `;`).
  if (lastOpen <= lastClose && lastSemicolon <= lastClose) return false;
  const start = Math.max(lastOpen, lastSemicolon) + 1;
  const head = text.slice(start, offset);
  return /^\s*-{0,2}[a-zA-Z-]+\s*$/.test(head);
}

function tagOf(node: ts.TaggedTemplateExpression): Tag | undefined {
  const name = ts.isIdentifier(node.tag) ? node.tag.text : undefined;
  if (name === 'css') return 'css';
  if (name === 'html' || name === 'svg') return 'html';
  return undefined;
}

/** `source` (TypeScript or JavaScript) with the static text of every Lit template minified. */
export function minifyTemplates(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node)) {
      const tag = tagOf(node);
      if (tag !== undefined) {
        const template = node.template;
        const parts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
        for (const part of parts) {
          // The part's raw source without its delimiters: ` or } at the start, ` or ${ at the end.
          const start = part.getStart(file) + 1;
          const end = part.getEnd() - (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
          const raw = source.slice(start, end);
          const first = part.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral || part.kind === ts.SyntaxKind.TemplateHead;
          const last = part.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral || part.kind === ts.SyntaxKind.TemplateTail;
          const text = minifyTemplateText(raw, tag, { first, last });
          if (text !== raw) edits.push({ start, end, text });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** esbuild plugin: the kit's own sources are bundled as they ship (templates minified). */
export function minifyTemplatesPlugin(root: string): Plugin {
  const sources = new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/src/.*\\.ts$`);
  return {
    name: 'minify-templates',
    setup(build) {
      build.onLoad({ filter: sources }, (args) => ({ contents: minifyTemplates(readFileSync(args.path, 'utf8'), args.path), loader: 'ts' }));
    },
  };
}

function jsFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

if (import.meta.main) {
  const directory = process.argv[2];
  if (directory === undefined) throw new Error('usage: node scripts/minify-templates.ts <directory of built .js files>');
  let before = 0;
  let after = 0;
  for (const path of jsFiles(directory)) {
    const source = readFileSync(path, 'utf8');
    const minified = minifyTemplates(source, path);
    before += source.length;
    after += minified.length;
    if (minified !== source) writeFileSync(path, minified);
  }
  console.log(`minify-templates: ${directory} ${before} → ${after} characters`);
}
