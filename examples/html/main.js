// Plain DOM: attributes with setAttribute, rows through the `.data` property, choices
// through the `sx-select` event. The elements are defined by stratex.js, loaded before.
import { evaluationRows, selectionText } from '../shared/evaluation.js';

const fromAttributes = document.querySelector('#from-attributes');
fromAttributes.setAttribute('lang', 'zh-CN');

const fromData = document.querySelector('#from-data');
fromData.setAttribute('lang', 'en');
fromData.data = evaluationRows;

const output = document.querySelector('#selection');
document.addEventListener('sx-select', (event) => {
  output.textContent = selectionText(event.detail);
});
