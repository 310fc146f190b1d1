import { SxVarianceAlerts } from './variance-alerts';

if (!customElements.get('sx-variance-alerts'))
  customElements.define('sx-variance-alerts', SxVarianceAlerts);

declare global {
  interface HTMLElementTagNameMap {
    'sx-variance-alerts': SxVarianceAlerts;
  }
}
