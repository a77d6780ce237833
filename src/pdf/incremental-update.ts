import type { RawPdf } from './raw-pdf.ts';

/**
 * Append an incremental update: the given objects (new or replacing old ones, each the text
 * between `obj` and `endobj`), a cross-reference section for them, and a trailer pointing back
 * at the previous one. The original bytes stay as they are.
 */
export function appendUpdate(
  pdf: RawPdf,
  objects: Map<number, (string | Uint8Array)[]>,
  trailer: Record<string, string>,
): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = pdf.bytes.length;
  const push = (chunk: string | Uint8Array) => {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(data);
    offset += data.length;
  };
  const last = pdf.bytes[pdf.bytes.length - 1];
  if (last !== 0x0a && last !== 0x0d) push('\n');
  const offsets: [number, number][] = [];
  for (const [number, body] of [...objects].sort((a, b) => a[0] - b[0])) {
    offsets.push([number, offset]);
    push(`${number} 0 obj\n`);
    for (const chunk of body) push(chunk);
    push('\nendobj\n');
  }
  const xrefAt = offset;
  let xref = 'xref\n';
  for (let i = 0; i < offsets.length;) {
    let j = i;
    while (j + 1 < offsets.length && offsets[j + 1]![0] === offsets[j]![0] + 1) j++;
    xref += `${offsets[i]![0]} ${j - i + 1}\n${offsets
      .slice(i, j + 1)
      .map(([, at]) => `${String(at).padStart(10, '0')} 00000 n \n`)
      .join('')}`;
    i = j + 1;
  }
  const id = /\/ID\s*(\[[^\]]*\])/.exec(pdf.trailer)?.[1];
  const entries = { ...trailer, Prev: String(pdf.startxref), ...(id ? { ID: id } : {}) };
  push(
    `${xref}trailer\n<< ${Object.entries(entries)
      .map(([key, value]) => `/${key} ${value}`)
      .join(' ')} >>\nstartxref\n${xrefAt}\n%%EOF\n`,
  );
  return Buffer.concat([pdf.bytes, ...parts]);
}
