/** The workbench page: registers the Stratex elements and the workbench's own. */
import '@stratex/widgets/define';
import { AnalystApp } from './analyst-app';
import { AnalystChecksPanel } from './checks-panel';
import { AnalystLoadReport } from './load-report';
import { AnalystQueryPanel } from './query-panel';
import { AnalystRoleMapper } from './role-mapper';
import { AnalystSnippetPanel } from './snippet-panel';
import { AnalystWidgetPreview } from './widget-preview';
import './analyst.css';

const elements: [string, CustomElementConstructor][] = [
  ['analyst-load-report', AnalystLoadReport],
  ['analyst-role-mapper', AnalystRoleMapper],
  ['analyst-widget-preview', AnalystWidgetPreview],
  ['analyst-checks-panel', AnalystChecksPanel],
  ['analyst-snippet-panel', AnalystSnippetPanel],
  ['analyst-query-panel', AnalystQueryPanel],
  ['analyst-app', AnalystApp],
];
for (const [tag, element] of elements) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
