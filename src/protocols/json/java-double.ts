/**
 * A number as Java's Double.toString writes it, which is how AWS's JSON services (Coral, in
 * Java) write timestamps: epoch seconds as a double, "1.615218678973E9" (a DynamoDB CreateTable
 * and DescribeTable answer of 2021-03-08, raw bytes whose x-amz-crc32 matches, in rusoto's
 * mock tests). From 10^-3 up to 10^7 plain decimal with at least one digit after the point
 * ("123.0"), otherwise m.mmmE<exponent> with at least one digit after the point ("1.0E9"); the
 * digits are the shortest that give the number back, as JavaScript's own (and Java's since 19).
 */
export function javaDoubleText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : text + '.0';
  }
  const text = value.toExponential();
  const e = text.indexOf('e');
  const mantissa = text.slice(0, e);
  const exponent = text.charCodeAt(e + 1) === 43 /* + */ ? text.slice(e + 2) : text.slice(e + 1);
  return (mantissa.includes('.') ? mantissa : mantissa + '.0') + 'E' + exponent;
}
