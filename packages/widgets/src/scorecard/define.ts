import { SxScorecard } from './scorecard';

if (!customElements.get('sx-scorecard')) customElements.define('sx-scorecard', SxScorecard);

declare global {
  interface HTMLElementTagNameMap {
    'sx-scorecard': SxScorecard;
  }
}
