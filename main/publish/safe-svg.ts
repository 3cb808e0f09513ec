/**
 * SVG from a library, made safe to publish. An SVG is a document that can run script, so it is
 * parsed as XML (namespaces and character references resolved, as a browser would) and
 * checked against an allow-list of SVG elements and attributes. What is published is the
 * checked tree written out again, never the original bytes, so there is no gap between what
 * was checked and what a browser reads. Anything that could run or load something is refused
 * with the reason; harmless editor metadata (Inkscape, Sodipodi, RDF) and unknown attributes
 * are dropped.
 */
import { DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** Namespaces of drawing programs' bookkeeping, dropped without a word. */
const EDITOR_NS = new Set([
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'http://purl.org/dc/elements/1.1/',
  'http://creativecommons.org/ns#',
  'http://ns.adobe.com/AdobeIllustrator/10.0/',
  'http://ns.adobe.com/SaveForWeb/1.0/',
  'http://ns.adobe.com/Extensibility/1.0/',
  'http://www.bohemiancoding.com/sketch/ns',
]);

const ELEMENTS = new Set(
  (
    'svg g defs symbol use title desc metadata path rect circle ellipse line polyline polygon ' +
    'text tspan textPath linearGradient radialGradient stop pattern clipPath mask marker image ' +
    'style view switch filter feBlend feColorMatrix feComponentTransfer feComposite ' +
    'feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood ' +
    'feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology ' +
    'feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence'
  ).split(' '),
);

const ATTRIBUTES = new Set(
  (
    'id class style lang width height x y x1 x2 y1 y2 cx cy r rx ry fx fy fr d points viewBox ' +
    'preserveAspectRatio transform fill fill-opacity fill-rule stroke stroke-width ' +
    'stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray stroke-dashoffset ' +
    'stroke-opacity opacity color clip-path clip-rule clipPathUnits mask maskUnits ' +
    'maskContentUnits filter filterUnits primitiveUnits gradientUnits gradientTransform ' +
    'spreadMethod offset stop-color stop-opacity patternUnits patternContentUnits ' +
    'patternTransform marker-start marker-mid marker-end markerWidth markerHeight markerUnits ' +
    'refX refY orient font-family font-size font-weight font-style font-variant font-stretch ' +
    'text-anchor dominant-baseline alignment-baseline baseline-shift letter-spacing ' +
    'word-spacing text-decoration writing-mode dx dy rotate textLength lengthAdjust ' +
    'startOffset display visibility overflow paint-order vector-effect shape-rendering ' +
    'text-rendering image-rendering color-interpolation color-interpolation-filters ' +
    'flood-color flood-opacity lighting-color in in2 result stdDeviation mode type values ' +
    'operator k1 k2 k3 k4 radius scale xChannelSelector yChannelSelector baseFrequency ' +
    'numOctaves seed stitchTiles tableValues slope intercept amplitude exponent kernelMatrix ' +
    'order divisor bias targetX targetY edgeMode preserveAlpha surfaceScale diffuseConstant ' +
    'specularConstant specularExponent azimuth elevation pointsAtX pointsAtY pointsAtZ ' +
    'limitingConeAngle z version baseProfile enable-background mix-blend-mode isolation role ' +
    'aria-label aria-hidden aria-labelledby aria-describedby focusable media href'
  ).split(' '),
);

/** An embedded raster picture is fine; anything else an href names must be inside the image. */
const SAFE_HREF = /^(#[^\s]*|data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*)$/i;
/** CSS that could load something from elsewhere, or hide what it does behind escapes. */
const UNSAFE_CSS = /@import|\\|url\s*\(\s*(?!['"]?\s*#)|expression\s*\(|javascript:|behavior\s*:/i;

export const MAX_SVG_BYTES = 20 * 1024 * 1024;

export type SafeSvg = { ok: true; svg: string } | { ok: false; reason: string };

class Refused extends Error {}

/** The text of an SVG file if it is UTF-8, or why not. */
function decodeUtf8(bytes: Uint8Array): string {
  const [a, b] = bytes;
  if ((a === 0xfe && b === 0xff) || (a === 0xff && b === 0xfe) || bytes.includes(0)) {
    throw new Refused('it is not saved as UTF-8 (it looks like UTF-16); save it as UTF-8');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Refused('it is not valid UTF-8; save it as UTF-8');
  }
  const declared = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    throw new Refused(`it declares the encoding "${declared}"; only UTF-8 is accepted`);
  }
  return text;
}

function checkAttributes(element: Element): void {
  for (const attr of Array.from(element.attributes)) {
    const { namespaceURI: ns, localName, name, value } = attr;
    const drop = () => element.removeAttributeNode(attr);
    if (/^on/i.test(localName ?? name)) throw new Refused(`it has an event handler (${name})`);
    if (ns === XMLNS_NS || name === 'xmlns') {
      // Declarations are written again as the kept elements need them.
      if (value === SVG_NS || value === XLINK_NS || EDITOR_NS.has(value)) continue;
      throw new Refused(`it uses the namespace "${value}", which is not part of SVG`);
    }
    if (ns !== null && ns !== XLINK_NS && ns !== XML_NS) {
      if (EDITOR_NS.has(ns)) drop();
      else throw new Refused(`it has the attribute ${name} from the namespace "${ns}"`);
      continue;
    }
    if (ns === XML_NS) {
      if (localName !== 'space' && localName !== 'lang') drop();
      continue;
    }
    if (ns === XLINK_NS && localName !== 'href') {
      drop();
      continue;
    }
    if (localName === 'href' && !SAFE_HREF.test(value.trim())) {
      throw new Refused(`it links to "${value.slice(0, 60)}" (${name}); links must stay inside it`);
    }
    if (ns === null && !ATTRIBUTES.has(localName ?? name)) {
      drop();
      continue;
    }
    if (UNSAFE_CSS.test(value)) {
      throw new Refused(`its ${name} attribute loads something from elsewhere`);
    }
  }
}

function checkNode(node: Node): void {
  for (const child of Array.from(node.childNodes)) {
    switch (child.nodeType) {
      case child.ELEMENT_NODE: {
        // cast: checked by nodeType just above
        const element = child as Element;
        const ns = element.namespaceURI;
        if (ns === SVG_NS && element.localName === 'metadata') {
          node.removeChild(child);
        } else if (ns !== null && EDITOR_NS.has(ns)) {
          node.removeChild(child);
        } else if (ns !== SVG_NS || !ELEMENTS.has(element.localName ?? '')) {
          throw new Refused(`it contains the element <${element.tagName}>, which is not allowed`);
        } else {
          if (element.localName === 'style' && UNSAFE_CSS.test(element.textContent ?? '')) {
            throw new Refused('its style sheet loads something from elsewhere');
          }
          checkAttributes(element);
          checkNode(element);
        }
        break;
      }
      case child.TEXT_NODE:
      case child.CDATA_SECTION_NODE:
        break;
      case child.COMMENT_NODE:
        node.removeChild(child);
        break;
      case child.DOCUMENT_TYPE_NODE:
        // Exporters write one; only the <svg> element is written out, and xmldom never
        // expands entities declared in it (an undeclared entity is a parse error).
        break;
      case child.PROCESSING_INSTRUCTION_NODE:
        // An `<?xml-stylesheet?>` before the <svg> element is not written out; inside it, refused.
        if (node.nodeType !== node.DOCUMENT_NODE)
          throw new Refused('it contains an XML processing instruction');
        break;
      default:
        throw new Refused('it contains something that is not plain SVG');
    }
  }
}

/**
 * Checks an SVG file's bytes and returns the SVG to publish, or the reason it is refused
 * (to follow "this SVG is left out because …").
 */
export function safeSvg(bytes: Uint8Array): SafeSvg {
  try {
    if (bytes.byteLength > MAX_SVG_BYTES) throw new Refused('it is larger than 20 MB');
    const text = decodeUtf8(bytes).replace(/^\uFEFF/, '');
    // The XML declaration is written again below; xmldom would keep it as an instruction.
    const body = text.replace(/^\s*<\?xml[^>]*\?>/, '');
    let firstError: string | undefined;
    let document;
    try {
      document = new DOMParser({
        onError: (_level, message) => {
          firstError ??= message.split('\n')[0];
          throw new Error(message);
        },
      }).parseFromString(body, 'image/svg+xml');
    } catch (error) {
      // cast: xmldom's ParseError carries where parsing stopped
      const at = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
      const where = at?.lineNumber ? ` at line ${at.lineNumber}, column ${at.columnNumber}` : '';
      throw new Refused(
        `it is not well-formed XML${where}: ${firstError ?? 'it could not be read'}`,
      );
    }
    const root = document.documentElement;
    if (!root || root.namespaceURI !== SVG_NS || root.localName !== 'svg') {
      throw new Refused('it is not an SVG image (no <svg> element in the SVG namespace)');
    }
    checkNode(document);
    return {
      ok: true,
      svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`,
    };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    throw error;
  }
}
