import { describe, expect, it } from 'vitest';
import { keepHyphenated, logoContent, qrCanvas } from './frame.js';
import { renderDocumentPdf } from './render.js';
import { samplePiContent, samplePkContent } from './sample-content.js';

const stamp = {
  code: '7K3M9Q2XA4BC',
  verifyUrl: 'https://amanah.example/verifikasi/7K3M9Q2XA4BC',
  createdAt: new Date('2027-01-10T01:02:03.456Z'),
};

// The first render loads the fonts; the machine may be shared: generous timeouts.
describe('renderDocumentPdf', { timeout: 60_000 }, () => {
  it('gives byte-identical output for the same content and stamp', async () => {
    const content = samplePkContent();
    const a = await renderDocumentPdf(content, stamp);
    const b = await renderDocumentPdf(structuredClone(content), { ...stamp });
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(a, b)).toBe(0);
    const pi1 = await renderDocumentPdf(samplePiContent(), stamp);
    const pi2 = await renderDocumentPdf(samplePiContent(), stamp);
    expect(Buffer.compare(pi1, pi2)).toBe(0);
  });

  it('differs when the code or the creation date differs', async () => {
    const content = samplePiContent();
    const base = await renderDocumentPdf(content, stamp);
    const otherCode = await renderDocumentPdf(content, { ...stamp, code: '7K3M9Q2XA4BD' });
    const otherDate = await renderDocumentPdf(content, { ...stamp, createdAt: new Date(0) });
    expect(Buffer.compare(base, otherCode)).not.toBe(0);
    expect(Buffer.compare(base, otherDate)).not.toBe(0);
  });

  it('writes the code into the Info dictionary (AmanahDocumentCode and Subject)', async () => {
    const pdf = (await renderDocumentPdf(samplePiContent(), stamp)).toString('latin1');
    // pdfkit writes Info values as indirect objects: "/AmanahDocumentCode 21 0 R" … "(code)".
    const ref = /\/AmanahDocumentCode (\d+) 0 R/.exec(pdf);
    expect(ref).not.toBeNull();
    expect(pdf).toContain(`\n${ref?.[1]} 0 obj\n(7K3M9Q2XA4BC)`);
    expect(pdf).toMatch(/\/Subject \d+ 0 R/);
  });

  it('falls back to the emblem when the logo cannot be drawn', async () => {
    const content = samplePiContent();
    const broken = {
      ...content,
      tenant: { ...content.tenant, logo: 'data:image/png;base64,AAAA' },
    };
    const pdf = await renderDocumentPdf(broken, stamp);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('frame helpers', () => {
  it('draws the QR code once as merged rectangles, fresh copies per page', () => {
    const make = qrCanvas('https://amanah.example/verifikasi/7K3M9Q2XA4BC', 56);
    const first = make();
    const second = make();
    expect(first.length).toBeGreaterThan(50);
    expect(first).toEqual(second);
    expect(first[0]).not.toBe(second[0]);
    for (const r of first) {
      if (r.type !== 'rect') throw new Error('rect expected');
      expect(r.x + r.w).toBeLessThanOrEqual(56.0001);
    }
  });

  it.each([
    ['tanpa tanda hubung', 'tanpa tanda hubung'],
    [
      'peraturan perundang-undangan dalam tugas',
      ['peraturan ', { text: 'perundang-undangan ', noWrap: true }, 'dalam tugas'],
    ],
    ['akhir-akhir', [{ text: 'akhir-akhir', noWrap: true }]],
  ])('keeps hyphenated words on one line: %s', (input, expected) => {
    expect(keepHyphenated(input)).toEqual(expected);
  });
});

describe('logos', () => {
  const svg = (body: string) =>
    `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">${body}</svg>`).toString('base64')}`;
  it.each([
    ['a self-contained SVG is drawn as vector', svg('<circle cx="20" cy="20" r="18"/>'), true],
    ['an SVG linking a file falls back to the emblem', svg('<image href="/etc/logo.png"/>'), false],
    ['an SVG with an external url() falls back', svg('<rect fill="url(http://x/y)"/>'), false],
    ['an internal reference is fine', svg('<use href="#a"/>'), true],
  ])('%s', (_label, logo, own) => {
    const node = logoContent(logo) as { svg?: string };
    expect(node.svg?.includes('<circle') || node.svg?.includes('#a')).toBe(own);
  });

  it('draws PNG and JPEG data URLs as images', () => {
    expect(logoContent('data:image/png;base64,iVBORw0KGgo=')).toMatchObject({
      image: 'data:image/png;base64,iVBORw0KGgo=',
    });
    expect(logoContent('https://evil.example/logo.png')).toHaveProperty('svg');
  });
});
