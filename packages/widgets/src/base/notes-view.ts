import { type DatedNote, formatDate, type Lang } from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import { message } from './lang';
import type { NotesState } from './notes-source';

/** Notes shown beside a figure; the rest are counted. */
export const NOTES_SHOWN = 3;

/** Bad rows named in the warning; the rest are counted. */
const BAD_ROWS_NAMED = 5;

/**
 * The latest few notes about one figure, each dated in the widget's language and attributed,
 * with a count of the earlier ones. Every part is text: a note is never read as markup.
 */
export function notesList(
  notes: readonly DatedNote[],
  lang: Lang,
): TemplateResult | typeof nothing {
  if (notes.length === 0) return nothing;
  const earlier = notes.length - NOTES_SHOWN;
  return html`<ul part="notes" class="dated-notes" aria-label=${message(lang, 'notesHeading')}>
    ${notes.slice(0, NOTES_SHOWN).map(
      (note) =>
        html`<li>
          <time datetime=${note.date}>${formatDate(note.date, lang)}</time>
          ${note.author ? html`<span class="note-author">${note.author}</span>` : nothing}
          <span class="note-text">${note.text}</span>
        </li>`,
    )}
    ${
      earlier > 0
        ? html`<li class="notes-earlier">${message(lang, 'notesEarlier', { count: earlier })}</li>`
        : nothing
    }
  </ul>`;
}

/** The same notes as one table cell's text: `2024年8月12日 张三：…；…`. */
export function notesCell(notes: readonly DatedNote[], lang: Lang): string {
  const colon = message(lang, 'colon');
  const said = notes.slice(0, NOTES_SHOWN).map((note) => {
    const who = note.author ? ` ${note.author}` : '';
    return `${formatDate(note.date, lang)}${who}${colon}${note.text}`;
  });
  const earlier = notes.length - NOTES_SHOWN;
  if (earlier > 0) said.push(message(lang, 'notesEarlier', { count: earlier }));
  return said.join(lang === 'zh-CN' ? '；' : '; ');
}

/**
 * What the widget says about its notes source itself: a quiet line while it loads; why it
 * could not be loaded; the columns it lacks; how many of its rows could not be read, and why.
 */
export function notesStatus(
  state: NotesState | undefined,
  lang: Lang,
): TemplateResult | typeof nothing {
  if (!state) return nothing;
  if (state.phase === 'loading') {
    return html`<p class="note notes-status" role="status">${message(lang, 'notesLoading')}</p>`;
  }
  if (state.phase === 'error') {
    return warning(
      message(lang, 'notesFailed'),
      state.detail ? `${state.message} (${state.detail})` : state.message,
    );
  }
  const { missing, bad } = state.book;
  if (missing.length > 0) {
    const columns = missing.map((role) => message(lang, `notes-column-${role}`));
    return warning(
      message(lang, 'notesMissing', { columns: columns.join(message(lang, 'listSeparator')) }),
    );
  }
  if (bad.length === 0) return nothing;
  const named = bad.slice(0, BAD_ROWS_NAMED).map((row) => {
    const reason = message(lang, `notes-${row.reason}`);
    return `${message(lang, 'notesRow', { row: row.row })}${message(lang, 'colon')}${reason}`;
  });
  if (bad.length > BAD_ROWS_NAMED) named.push('…');
  return warning(message(lang, 'notesBadRows', { count: bad.length }), named.join('; '));
}

function warning(said: string, detail?: string): TemplateResult {
  return html`<p class="warning notes-status" role="note" data-notes>
    ⚠ ${said} ${detail ? html`<small>${detail}</small>` : nothing}
  </p>`;
}
