import { Packer, type Document } from 'docx';
import type { DocumentId } from '../../src/model/documents.js';
import { entryData, makeEntry, readZip, writeZip, type ZipEntry } from '../../src/render/docx/zip.js';
import { baoCaoCaNhan, baoCaoTapThe } from './bao-cao.js';
import { bienBan } from './bien-ban.js';
import { danhSach } from './danh-sach.js';
import { quyetDinh } from './quyet-dinh.js';
import { toTrinh } from './to-trinh.js';

export const TEMPLATE_BUILDERS: Record<DocumentId, () => Document> = {
  'to-trinh': toTrinh,
  'danh-sach': danhSach,
  'bao-cao-ca-nhan': baoCaoCaNhan,
  'bao-cao-tap-the': baoCaoTapThe,
  'bien-ban': bienBan,
  'quyet-dinh': quyetDinh,
};

// The core properties carry the packing time; a fixed one keeps the committed templates byte-stable.
const FIXED_TIME = '2025-01-01T00:00:00Z';

/** docx's Packer stamps the time in docProps/core.xml and the zip entries: rewrite both. */
export function normalisePackage(buf: Buffer): Buffer {
  const entries: ZipEntry[] = readZip(buf).map((e) => {
    if (e.name !== 'docProps/core.xml') return e;
    const xml = entryData(e).toString('utf8')
      .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${FIXED_TIME}$3`);
    return makeEntry(e.name, Buffer.from(xml, 'utf8'));
  });
  const first = entries.filter((e) => e.name === '[Content_Types].xml');
  return writeZip([...first, ...entries.filter((e) => e.name !== '[Content_Types].xml')]);
}

export async function buildTemplate(id: DocumentId): Promise<Buffer> {
  return normalisePackage(await Packer.toBuffer(TEMPLATE_BUILDERS[id]()));
}

export async function buildTemplates(): Promise<Map<DocumentId, Buffer>> {
  const out = new Map<DocumentId, Buffer>();
  for (const id of Object.keys(TEMPLATE_BUILDERS) as DocumentId[]) out.set(id, await buildTemplate(id));
  return out;
}
