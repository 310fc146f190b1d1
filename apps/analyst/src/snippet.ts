/** What the embed snippet is written from: where the script is, the sources and the widgets. */
export interface SnippetSpec {
  scriptUrl: string;
  sources: readonly { name: string; src: string; encoding?: string }[];
  widgets: readonly { tag: string; attributes: readonly (readonly [string, string])[] }[];
}

/** A value made safe inside a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

const attributeText = (attributes: readonly (readonly [string, string])[]): string =>
  attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');

/** The HTML a portal owner pastes into a page to show the same view. */
export function embedSnippet(spec: SnippetSpec): string {
  const lines = [`<script type="module" src="${escapeAttribute(spec.scriptUrl)}"></script>`, ''];
  for (const source of spec.sources) {
    const attributes: [string, string][] = [
      ['name', source.name],
      ['src', source.src],
    ];
    if (source.encoding) attributes.push(['encoding', source.encoding]);
    lines.push(`<sx-data-source${attributeText(attributes)}></sx-data-source>`);
  }
  for (const widget of spec.widgets) {
    lines.push('', `<${widget.tag}${attributeText(widget.attributes)}></${widget.tag}>`);
  }
  return `${lines.join('\n')}\n`;
}

/** Where a file will be on the portal's server: the folder, then the name, as a URL path. */
export function exportUrl(folder: string, fileName: string): string {
  const trimmed = folder.trim();
  const prefix = trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
  return `${prefix}${encodeURIComponent(fileName).replaceAll('%2F', '/')}`;
}
