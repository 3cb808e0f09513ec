/** JSON that is safe to print inside an HTML `<script>` element. */

/**
 * JSON for inside a `<script type="application/ld+json">` element: `<`, `>` and `&` are
 * written as \u escapes, so library text can never close the element or open a comment, and
 * U+2028/U+2029 are escaped for old parsers. JSON.parse reads back the same value.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
