import { useEffect, useRef, useState } from 'react';
import { evaluationRows, selectionText } from '../../shared/evaluation.js';

/**
 * React 19 passes attributes to custom elements as written, sets a prop the element has as
 * a property (`data`), and the `sx-select` listener is added on the element itself.
 */
export function App() {
  const [selected, setSelected] = useState('—');
  const [lang, setLang] = useState('zh-CN');
  const page = useRef(null);

  useEffect(() => {
    const root = page.current;
    const onSelect = (event) => setSelected(selectionText(event.detail));
    root.addEventListener('sx-select', onSelect);
    return () => root.removeEventListener('sx-select', onSelect);
  }, []);

  return (
    <main ref={page}>
      <h1>Stratex · React</h1>
      <sx-data-source name="evaluation" src="/data/evaluation.csv"></sx-data-source>
      <h2>From an export (attributes)</h2>
      <sx-scorecard id="from-attributes" source="evaluation" lang={lang}></sx-scorecard>
      <button type="button" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
        {lang === 'en' ? '中文' : 'English'}
      </button>
      <h2>From the app's own rows (the .data property)</h2>
      <sx-scorecard id="from-data" lang="en" data={evaluationRows}></sx-scorecard>
      <p>
        Selected: <output id="selection">{selected}</output>
      </p>
    </main>
  );
}
