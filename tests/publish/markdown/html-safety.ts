/**
 * Test helper: finds anything in HTML that could run code or load something dangerous.
 * It reads start tags and attributes the tolerant way a browser does (unquoted values run to
 * the next space or `>`), so broken markup is caught, while words in text or inside a quoted
 * attribute value are not mistaken for markup.
 */

const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'svg',
  'math',
  'style',
  'object',
  'embed',
  'form',
  'meta',
  'base',
  'link',
  'template',
  'textarea',
  'button',
  'select',
  'applet',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'srcset',
  'cite',
  'background',
  'longdesc',
]);

/** Decodes numeric and the few named entities that can spell a scheme. */
function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&amp;/gi, '&');
}

interface Tag {
  name: string;
  attributes: { name: string; value: string }[];
  source: string;
}

/** Start tags of `html` in order, read like an HTML tokenizer (comments and end tags skipped). */
function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let pos = 0;
  const isSpace = (c: string | undefined): boolean => c !== undefined && /[\s/]/.test(c);
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt === -1) break;
    const next = html[lt + 1] ?? '';
    if (next === '!') {
      const end = html.startsWith('<!--', lt) ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt);
      pos = end === -1 ? html.length : end + 1;
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      pos = lt + 1;
      continue;
    }
    let i = lt + 1;
    while (i < html.length && !isSpace(html[i]) && html[i] !== '>') i++;
    const tag: Tag = { name: html.slice(lt + 1, i).toLowerCase(), attributes: [], source: '' };
    while (i < html.length) {
      while (isSpace(html[i])) i++;
      if (i >= html.length || html[i] === '>') break;
      const nameStart = i;
      i++; // a name may start with '=' in HTML
      while (i < html.length && !isSpace(html[i]) && html[i] !== '>' && html[i] !== '=') i++;
      const name = html.slice(nameStart, i).toLowerCase();
      while (html[i] === ' ' || html[i] === '\n' || html[i] === '\t') i++;
      let value = '';
      if (html[i] === '=') {
        i++;
        while (html[i] === ' ' || html[i] === '\n' || html[i] === '\t') i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, i + 1);
          value = html.slice(i + 1, end === -1 ? html.length : end);
          i = end === -1 ? html.length : end + 1;
        } else {
          const start = i;
          while (i < html.length && !/\s/.test(html[i] ?? '') && html[i] !== '>') i++;
          value = html.slice(start, i);
        }
      }
      tag.attributes.push({ name, value });
    }
    tag.source = html.slice(lt, Math.min(i + 1, lt + 120));
    tags.push(tag);
    pos = i + 1;
  }
  return tags;
}

export interface Finding {
  what: string;
  where: string;
}

/**
 * Every dangerous thing in `html`. `allowTags` lists extra tags the caller trusts (e.g. the
 * page template's own `meta` and `link` elements), never course content.
 */
export function dangerousParts(html: string, allowTags: string[] = []): Finding[] {
  const found: Finding[] = [];
  if (/<!\[CDATA\[/i.test(html)) found.push({ what: 'CDATA section', where: '' });
  for (const tag of startTags(html)) {
    const { name, source: where } = tag;
    if (FORBIDDEN_TAGS.has(name) && !allowTags.includes(name))
      found.push({ what: `<${name}> element`, where });
    if (
      name === 'input' &&
      !tag.attributes.some((a) => a.name === 'type' && a.value === 'checkbox')
    ) {
      found.push({ what: 'input element', where });
    }
    for (const attribute of tag.attributes) {
      const attributeName = attribute.name;
      const value = decodeEntities(attribute.value);
      if (attributeName.startsWith('on')) found.push({ what: `${attributeName} handler`, where });
      if (attributeName === 'style') found.push({ what: 'style attribute', where });
      if (attributeName === 'http-equiv') found.push({ what: 'http-equiv', where });
      if (URL_ATTRIBUTES.has(attributeName)) {
        // Browsers ignore whitespace and control characters inside a scheme.
        const squashed = [...value]
          .filter((c) => {
            const code = c.codePointAt(0) ?? 0;
            return code > 0x20 && (code < 0x7f || code > 0x9f);
          })
          .join('')
          .toLowerCase();
        if (/^(javascript|vbscript|data|livescript|mocha):/.test(squashed)) {
          found.push({ what: `${attributeName}="${squashed.slice(0, 20)}…"`, where });
        }
      }
    }
  }
  return found;
}
