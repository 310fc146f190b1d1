// The print report: chooses the language (`?lang=en` for the English exports), points the
// sources at the matching files, fills the variance-analysis table from the evaluation
// export (as text, never HTML; a declared request, so a small export is read without the
// database) and shares the portal's stamp and print button.
import { pageEngine } from './stratex/stratex.js';
import './portal.js';

const english = new URL(window.location.href).searchParams.get('lang') === 'en';

const words = {
  back: '← Back to the dashboard',
  'other-lang': '中文',
  print: 'Print / save as PDF',
  company: 'Huaxin Intelligent Equipment · Sales & Marketing',
  title: 'Q3 2024 · Evaluation report',
  subtitle:
    'Sales & market strategy execution template · step 7: evaluation (achievement, variance analysis, suggestions)',
  connecting: 'Reading the data…',
  's-overall': '1. Overall score and evaluation',
  's-variance': '2. Variance analysis and suggestions',
  's-breakdown': '3. Target breakdown · region › product line',
  's-monitoring': '4. Monitoring · variance alerts',
  's-execution': '5. Execution progress',
  'c-dimension': 'Dimension',
  'c-rate': 'Achievement',
  'c-variance': 'Variance analysis',
  'c-suggestion': 'Suggestion',
  footer:
    'Data: the sales team’s exports of the evaluation, region targets, task progress, daily KPIs and budget (CSV), computed in the browser.',
};

if (english) {
  document.documentElement.lang = 'en';
  document.title = 'Evaluation report · Q3 2024';
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = words[element.dataset.i18n] ?? element.textContent;
  }
  document.querySelector('[data-other-lang]')?.setAttribute('href', '?');
  document.querySelector('#report-treemap')?.setAttribute('levels', 'region,product_line');
  document
    .querySelector('sx-data-source[name="live_kpis"]')
    ?.setAttribute('src', 'live/kpi_daily_live.en.csv');
} else {
  document.querySelector('#report-treemap')?.setAttribute('levels', '区域,产品线');
}
for (const source of document.querySelectorAll('sx-data-source[data-src]')) {
  source.setAttribute('src', `fixtures/template/${source.dataset.src}${english ? '.en' : ''}.csv`);
}

/** The evaluation's variance analysis and suggestions, one row per dimension. */
async function fillFindings() {
  const columns = english
    ? ['dimension', 'rate', 'variance_analysis', 'suggestion']
    : ['评估维度', '达成率', '差异分析', '改进建议'];
  const { rows } = await pageEngine().coordinator.request({
    kind: 'rows',
    source: 'evaluation',
    columns,
    as: 'text',
  });
  const body = document.querySelector('#findings tbody');
  body.replaceChildren(
    ...rows.map((row) => {
      const line = document.createElement('tr');
      for (const name of columns) {
        const cell = document.createElement(name === columns[0] ? 'th' : 'td');
        if (name === columns[0]) cell.scope = 'row';
        cell.textContent = String(row[name] ?? '');
        line.append(cell);
      }
      return line;
    }),
  );
  body.closest('table').dataset.state = 'ready';
}

void fillFindings().catch((error) => {
  const body = document.querySelector('#findings tbody');
  const line = document.createElement('tr');
  const cell = document.createElement('td');
  cell.colSpan = 4;
  cell.textContent = error instanceof Error ? error.message : String(error);
  line.append(cell);
  body.replaceChildren(line);
  body.closest('table').dataset.state = 'error';
});
