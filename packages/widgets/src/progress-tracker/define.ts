import { SxProgressTracker } from './progress-tracker';

if (!customElements.get('sx-progress-tracker'))
  customElements.define('sx-progress-tracker', SxProgressTracker);

declare global {
  interface HTMLElementTagNameMap {
    'sx-progress-tracker': SxProgressTracker;
  }
}
