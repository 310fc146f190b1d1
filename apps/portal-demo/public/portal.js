// The portal's own script: the "last updated" stamp of the live KPI export, the live
// scorecard (a rollup of that export) read again after each refresh, the list of raised
// alerts (from the `sx-alert` and `sx-alert-cleared` events), and the print button.
import { pageEngine } from './stratex/stratex.js';

const words = {
  'zh-CN': {
    updated: '实时数据 · 最后更新',
    through: '数据截至',
    failed: '实时数据暂时无法刷新，显示的是上次加载的数据',
    critical: '严重',
    warning: '预警',
    none: '尚无预警事件',
  },
  en: {
    updated: 'Live data · last updated',
    through: 'data through',
    failed: 'The live data could not be refreshed; showing what was loaded last',
    critical: 'critical',
    warning: 'warning',
    none: 'No alert raised',
  },
};

function langOf(element) {
  return element.closest('[lang]')?.getAttribute('lang') === 'en' ? 'en' : 'zh-CN';
}

/**
 * The newest day in a KPI export, its dates written 2024/8/16 (日期) or 2024-08-16 (date): its
 * date cells as the loader read them (a declared request, so a small export needs no database).
 */
async function lastDay(source) {
  const column = document.documentElement.lang === 'en' ? 'date' : '日期';
  const { rows } = await pageEngine().coordinator.request({
    kind: 'rows',
    source,
    columns: [column],
    as: 'cells',
  });
  let last = null;
  for (const row of rows) {
    const cell = row[column];
    if (cell?.kind === 'date' && (last === null || cell.value > last)) last = cell.value;
  }
  return last;
}

async function showStamp(stamp, failed) {
  const lang = langOf(stamp);
  const text = words[lang];
  if (failed) {
    stamp.textContent = text.failed;
    stamp.dataset.state = 'stale';
    return;
  }
  const day = await lastDay(stamp.dataset.source);
  const moment = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const through = day ? ` · ${text.through} ${date.format(new Date(`${day}T00:00:00Z`))}` : '';
  stamp.textContent = `${text.updated} ${moment.format(new Date())}${through}`;
  stamp.dataset.state = 'ready';
  if (day) stamp.dataset.lastDay = day;
}

for (const stamp of document.querySelectorAll('.stamp[data-source]')) {
  const name = stamp.dataset.source;
  document.addEventListener('sx-data-load', (event) => {
    if (event.target.getAttribute?.('name') !== name) return;
    void showStamp(stamp, false);
    // A widget whose `query` reads the export is read again when the export changed.
    if (event.detail.refreshed) {
      for (const widget of document.querySelectorAll('[data-live-query]')) {
        void widget.load({ keepView: true });
      }
    }
  });
  document.addEventListener('sx-data-error', (event) => {
    if (event.target.getAttribute?.('name') === name) void showStamp(stamp, true);
  });
}

/**
 * The alerts standing now, critical first, each with the time it was raised (or changed level);
 * an alert that clears leaves the list. Text only: the message is the widget's sentence.
 */
function listRaisedAlerts(list) {
  const standing = new Map();
  const text = words[langOf(list)];
  const time = new Intl.DateTimeFormat(langOf(list), { timeStyle: 'medium' });
  const draw = () => {
    const entries = [...standing.values()].sort(
      (a, b) => (b.detail.level === 'critical') - (a.detail.level === 'critical') || b.at - a.at,
    );
    list.replaceChildren(
      ...entries.map(({ detail, at }) => {
        const item = document.createElement('li');
        item.dataset.id = detail.id;
        item.dataset.level = detail.level;
        const level = document.createElement('span');
        level.className = 'level';
        level.textContent = text[detail.level];
        const message = document.createElement('span');
        message.textContent = detail.message;
        const when = document.createElement('time');
        when.dateTime = at.toISOString();
        when.textContent = time.format(at);
        item.append(level, message, when);
        return item;
      }),
    );
    if (entries.length === 0) {
      const none = document.createElement('li');
      none.className = 'none';
      none.textContent = text.none;
      list.append(none);
    }
  };
  document.addEventListener('sx-alert', (event) => {
    standing.set(event.detail.id, { detail: event.detail, at: new Date() });
    draw();
  });
  document.addEventListener('sx-alert-cleared', (event) => {
    if (standing.delete(event.detail.id)) draw();
  });
}

const raisedList = document.querySelector('#raised-alerts');
if (raisedList) listRaisedAlerts(raisedList);

for (const button of document.querySelectorAll('button[data-print]')) {
  button.addEventListener('click', () => window.print());
}
