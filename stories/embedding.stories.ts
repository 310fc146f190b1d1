import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';

/** The snippet a portal owner pastes: the script, the sources, the widgets. */
const snippet = `<script type="module" src="/stratex/stratex.js"></script>

<sx-data-source name="evaluation" src="/exports/evaluation.csv"></sx-data-source>
<sx-data-source name="kpis" src="/exports/kpi_daily.csv" refresh="60"></sx-data-source>

<sx-scorecard source="evaluation"></sx-scorecard>
<sx-variance-alerts source="kpis"></sx-variance-alerts>`;

const plainHtml = `<sx-scorecard id="card" lang="en"></sx-scorecard>
<script type="module">
  const card = document.querySelector('#card');
  card.setAttribute('source', 'evaluation');          // attributes
  card.data = [{ dimension: 'revenue', target: 5000000, actual: 5400000 }]; // or rows
  card.addEventListener('sx-select', (event) => {     // events
    console.log(event.detail.selection);              // { dimension: 'revenue' } or null
  });
</script>`;

const react = `// React 19: attributes as written, a prop the element has (data) set as a property.
export function Evaluation({ rows, onChoose }) {
  const ref = useRef(null);
  useEffect(() => {
    const listener = (event) => onChoose(event.detail.selection);
    ref.current.addEventListener('sx-select', listener);
    return () => ref.current?.removeEventListener('sx-select', listener);
  }, [onChoose]);
  return <sx-scorecard ref={ref} lang="zh-CN" data={rows}></sx-scorecard>;
}`;

const vue = `<!-- Vue 3: vite.config → vue({ template: { compilerOptions:
       { isCustomElement: (tag) => tag.startsWith('sx-') } } }) -->
<sx-scorecard
  :lang="lang"
  :data.prop="rows"
  @sx-select="(event) => (chosen = event.detail.selection)"
></sx-scorecard>`;

const headers: [string, string, string][] = [
  ['*.wasm', 'Content-Type: application/wasm', 'Required: without it the engine does not start.'],
  [
    'assets/*, chunks/* (hashed names)',
    'Cache-Control: public, max-age=31536000, immutable',
    'Optional: a returning visitor downloads nothing of the engine.',
  ],
  [
    'stratex.js, pages, exports',
    'Cache-Control: no-cache + ETag',
    'Lets a source with refresh ask "changed?" and get 304 when not.',
  ],
  [
    'everything, when stratex.js is on another host',
    'Access-Control-Allow-Origin: https://intranet.example',
    'Module scripts, the wasm and the chunks are fetched with CORS.',
  ],
  [
    'the page, when stratex.js is on another host',
    "script-src … https://assets.example 'wasm-unsafe-eval'; worker-src blob:; connect-src … https://assets.example",
    'The worker then starts from a small blob script that loads the boot script from that host.',
  ],
];

function code(text: string, label: string): TemplateResult {
  return html`<figure>
    <figcaption>${label}</figcaption>
    <pre tabindex="0"><code>${text}</code></pre>
  </figure>`;
}

function showChoice(event: Event): void {
  const detail = (event as CustomEvent<{ selection: Record<string, string> | null }>).detail;
  const output = (event.currentTarget as HTMLElement).querySelector('output');
  if (output)
    output.textContent = detail.selection ? Object.values(detail.selection).join(', ') : '—';
}

const rows = [
  { dimension: 'revenue', target: 5000000, actual: 5400000 },
  { dimension: 'lead conversion rate', target: '15%', actual: '12%' },
  { dimension: 'new customers', target: 30, actual: 28 },
];

const meta: Meta = {
  title: 'Guides/Embedding',
  // A guide, not an element: no Docs page of attributes.
  tags: ['!autodocs'],
  render: () =>
    html`<style>
        .sx-embedding {
          font-family: system-ui, 'Noto Sans CJK SC', sans-serif;
          max-width: 960px;
          color: #1d2433;
        }
        .sx-embedding pre {
          background: #f2f4f8;
          padding: 10px 12px;
          border-radius: 6px;
          overflow-x: auto;
        }
        .sx-embedding figcaption {
          font-weight: 600;
        }
        .sx-embedding table {
          border-collapse: collapse;
        }
        .sx-embedding th,
        .sx-embedding td {
          border: 1px solid #cfd5df;
          padding: 4px 8px;
          text-align: start;
          vertical-align: top;
        }
        .sx-embedding sx-scorecard {
          display: block;
          margin-bottom: 12px;
        }
      </style>
      <article class="sx-embedding" lang="en">
        <h1>Embedding Stratex</h1>
        <p>
          Copy <code>packages/embed/dist/</code> to any folder of any server, e.g.
          <code>/intranet/tools/stratex/</code>. <code>stratex.js</code> finds its wasm and worker
          next to itself (<code>import.meta.url</code>), so the folder can sit under any path and on
          another host than the page.
        </p>
        ${code(snippet, 'The snippet')}
        <section @sx-select=${showChoice}>
          <h2>Live: an export by attribute, rows by property, choices by event</h2>
          <sx-data-source
            name="embedding_evaluation"
            src="/fixtures/template/evaluation.csv"
          ></sx-data-source>
          <sx-scorecard source="embedding_evaluation" lang="zh-CN" compact></sx-scorecard>
          <sx-scorecard .data=${rows} lang="en" compact></sx-scorecard>
          <p>Chosen: <output>—</output></p>
        </section>
        <h2>From a framework</h2>
        ${code(plainHtml, 'Plain HTML (examples/html)')} ${code(react, 'React 19 (examples/react)')}
        ${code(vue, 'Vue 3 (examples/vue)')}
        <h2>What the server must send</h2>
        <table>
          <caption>
            Headers for the folder of stratex.js
          </caption>
          <thead>
            <tr>
              <th scope="col">Files</th>
              <th scope="col">Header</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            ${headers.map(
              ([files, header, why]) =>
                html`<tr>
                  <td>${files}</td>
                  <td><code>${header}</code></td>
                  <td>${why}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        <p>
          A wasm sent with another type, or a file missing from the folder, is named in every
          widget, in Chinese and English, instead of a widget that waits for ever.
        </p>
      </article>`,
};
export default meta;

export const Embedding: StoryObj = {};
