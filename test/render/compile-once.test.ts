import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/render/docx/index.js';
import { reportData } from '../../bench/documents-data.js';

// A template is compiled once per run and fills thousands of documents (`generate` for a province): what one
// document gets must not depend on the documents filled before it.

describe('compile once, fill many', () => {
  const template = readFileSync('templates/bao-cao-ca-nhan.docx');

  it('gives each document the bytes a fresh compile gives it, whatever was filled before', () => {
    const docs = reportData(12);
    docs[7] = { ...docs[7], mau_so: 'Mẫu số 03a' }; // a header part that changes once, then changes back
    const shared = compileTemplate(template, 'bao-cao-ca-nhan.docx');
    const sequence = [...docs, ...docs.slice().reverse()].map((d) => shared.fill(d));
    const fresh = [...docs, ...docs.slice().reverse()].map((d) => compileTemplate(template, 'bao-cao-ca-nhan.docx').fill(d));
    expect(sequence).toEqual(fresh);
    expect(new Set(sequence.slice(0, 12).map((b) => b.toString('base64'))).size).toBe(12);
  });
});
