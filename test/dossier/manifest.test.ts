import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/dossier/manifest.js';

describe('dossier manifest', () => {
  it('reads a key whose children are all commented out as absent', () => {
    const r = parseManifest('unit: Trường THCS Hoa Sen\nasOf: 2024-2025\ndetails:\n#  place: Hà Nội\nnominations:\nattachments:\n');
    expect(r.errors).toEqual([]);
    expect(r.manifest).toMatchObject({ unit: 'Trường THCS Hoa Sen', nominations: [], attachments: [] });
    expect(r.manifest?.details).toBeUndefined();
  });

  it('keeps the leading zero of an id written without quotes', () => {
    const r = parseManifest('unit: X\nasOf: 2024-2025\nnominations:\n  - award: bk-tinh\n    subject: 020178699064\n');
    expect(r.errors).toEqual([]);
    expect(r.manifest?.nominations[0].subject).toBe('020178699064');
  });

  it('names the key and line of an error', () => {
    const r = parseManifest('unit: X\nasOf: 2024-2025\nnominations:\n  - award: bk-xyz\n    subject: A\n');
    expect(r.manifest).toBeUndefined();
    expect(r.errors[0]).toMatchObject({ key: 'nominations.0.award', line: 4 });
  });
});

describe('config file', () => {
  it('keeps a parameter set to null (it means "none"), drops a bare key', async () => {
    const { withoutNulls } = await import('../../src/dossier/manifest.js');
    expect(withoutNulls({ unit: null, parameters: { 'cstdcs.cap-share': null } })).toEqual({ parameters: { 'cstdcs.cap-share': null } });
  });
});
