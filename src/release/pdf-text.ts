import { execFile } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { readFile } from 'node:fs/promises';

/** Number of pages of a PDF file. */
export async function pageCount(file: string): Promise<number> {
  const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  return pdf.getPageCount();
}

/**
 * The text a reader's tools extract from each page (`pdftotext -layout`, from poppler-utils),
 * one string per page. Throws a clear error when pdftotext is not installed.
 */
export async function pageTexts(file: string): Promise<string[]> {
  const text = await new Promise<string>((resolve, reject) => {
    execFile(
      'pdftotext',
      ['-layout', '-enc', 'UTF-8', file, '-'],
      { maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(String(stdout));
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(
          new Error(
            missing
              ? '`pdftotext` is not installed (Debian: `apt-get install poppler-utils`)'
              : `pdftotext failed on ${file}: ${String(stderr).trim()}`,
          ),
        );
      },
    );
  });
  const pages = text.split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages.length > 1 && pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}

/** Whitespace runs to one space, for comparing what a line of text says rather than how it is set. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
