import { SxDrillPanel } from './drill-panel';

if (!customElements.get('sx-drill-panel')) customElements.define('sx-drill-panel', SxDrillPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sx-drill-panel': SxDrillPanel;
  }
}
