import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { withoutNulls } from '../dossier/manifest.js';
import { UsageError } from './io.js';

// The province's or unit's settings: a JSON or YAML file, checked key by key.
export const unitDetailsSchema = z.object({
  parentAgency: z.string().optional().describe('Tên cơ quan chủ quản, vd "UBND PHƯỜNG KIM LIÊN"'),
  agency: z.string().optional().describe('Tên đơn vị trình, vd "TRƯỜNG THCS KIM LIÊN"'),
  agencyShort: z.string().optional().describe('Viết tắt dùng trong số, vd "THCSKL"'),
  place: z.string().optional().describe('Địa danh ghi ở dòng ngày tháng, vd "Hà Nội"'),
  signer: z.string().optional().describe('Họ tên người ký'),
  signerTitle: z.string().optional().describe('Chức vụ người ký, vd "HIỆU TRƯỞNG"'),
  recipient: z.string().optional().describe('Kính gửi, vd "Chủ tịch UBND tỉnh"'),
  number: z.string().optional().describe('Số tờ trình'),
  date: z.string().optional().describe('Ngày ký, dd/mm/yyyy'),
}).strict();
export type UnitDetails = z.infer<typeof unitDetailsSchema>;

export const configSchema = z.object({
  lang: z.enum(['vi', 'en']).optional(),
  periodMode: z.enum(['school-year', 'calendar']).optional(),
  unit: unitDetailsSchema.optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
}).strict();
export type Config = z.infer<typeof configSchema>;

const DEFAULT_NAMES = ['tdkt.config.yaml', 'tdkt.config.yml', 'tdkt.config.json'];

/** Reads --config, else a tdkt.config.* in the working folder, else an empty config. */
export function loadConfig(path: string | undefined, cwd: string): { config: Config; file?: string } {
  const file = path ? (isAbsolute(path) ? path : join(cwd, path)) : DEFAULT_NAMES.map((n) => join(cwd, n)).find((f) => existsSync(f));
  if (!file) return { config: {} };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Không đọc được tệp cấu hình ${path ?? file}.`);
  }
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text, { prettyErrors: true });
  } catch (e) {
    throw new UsageError(`Tệp cấu hình ${path ?? file} sai cú pháp: ${(e as Error).message}`);
  }
  const parsed = configSchema.safeParse(withoutNulls(data) ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(gốc)'}: ${i.message}`);
    throw new UsageError(`Tệp cấu hình ${path ?? file} không hợp lệ:\n${lines.join('\n')}`);
  }
  return { config: parsed.data, file };
}
