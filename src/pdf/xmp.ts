import { escapeHtml as xml } from '../util/escape-html.ts';
import type { PrintMetadata } from './print-edition.ts';

/** What the XMP packet says besides the document's metadata. */
export interface XmpOptions {
  /** Creation and modification date. */
  date: Date;
  /** Creator tool, e.g. `srida 0.1.0`. */
  creator: string;
  /** Producer, e.g. `Chromium 156 (Skia/PDF) via Puppeteer`. */
  producer: string;
}

/** The XMP metadata packet (Dublin Core, PDF, XMP basic and media management) of a PDF. */
export function xmpPacket(metadata: PrintMetadata, options: XmpOptions): Uint8Array {
  const date = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const li = (values: readonly string[]) =>
    values.map((value) => `<rdf:li>${xml(value)}</rdf:li>`).join('');
  const text = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(metadata.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq>${li(metadata.editors)}</rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(metadata.subtitle ?? metadata.abstract)}</rdf:li></rdf:Alt></dc:description>
   <dc:subject><rdf:Bag>${li(metadata.keywords)}</rdf:Bag></dc:subject>
   <dc:language><rdf:Bag><rdf:li>${xml(metadata.language)}</rdf:li></rdf:Bag></dc:language>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${xml(metadata.licence)}</rdf:li></rdf:Alt></dc:rights>
   <dc:identifier>${xml(metadata.url)}</dc:identifier>
   <pdf:Keywords>${xml(metadata.keywords.join(', '))}</pdf:Keywords>
   <pdf:Producer>${xml(options.producer)}</pdf:Producer>
   <xmp:CreatorTool>${xml(options.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <xmpMM:VersionID>${xml(metadata.version)}</xmpMM:VersionID>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
  return new TextEncoder().encode(text);
}
