import { SxDataSource } from './data-source';

if (!customElements.get('sx-data-source')) customElements.define('sx-data-source', SxDataSource);

declare global {
  interface HTMLElementTagNameMap {
    'sx-data-source': SxDataSource;
  }
}
