/**
 * A DOUBLE as DuckDB writes it in `CAST(x AS VARCHAR)`: the shortest digits that read back
 * as the same number, `5400000.0` and `0.15` between 1e-4 and 1e16, `1e+16` and `1.5e-07`
 * outside, `-0.0` for negative zero. Undefined for infinities and NaN, which the JS
 * answers leave to the engine.
 */
export function doubleText(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mantissa = '', power = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(power);
  if (exponent < -4 || exponent >= 16) {
    const size = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${size}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction || '0'}`;
}
