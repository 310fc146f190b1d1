import { SxTargetTreemap } from './target-treemap';

if (!customElements.get('sx-target-treemap'))
  customElements.define('sx-target-treemap', SxTargetTreemap);

declare global {
  interface HTMLElementTagNameMap {
    'sx-target-treemap': SxTargetTreemap;
  }
}
