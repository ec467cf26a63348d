import { readFileSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { AwardId } from '../model/award.js';
import { awardIdSchema } from '../model/award.js';
import { selectNominations, type Nomination, type NomineeRequest } from '../dossier/nominations.js';
import { planDossier, type PlannedDocument } from '../dossier/plan.js';
import type { UnitDetails } from '../dossier/wording.js';
import type { Issue } from '../model/issue.js';
import type { Timeline } from '../model/subject.js';
import { evaluateSubject, type Verdict, type VerdictStatus } from '../rules/index.js';
import type { RunContext } from './context.js';
import { prepareEvaluation, type Evaluation } from './evaluation.js';
import { UsageError } from './io.js';
import { loadData, type LoadedData } from './load.js';
import { readNarratives } from './narratives.js';

export type DossierRequest = {
  paths: string[];
  asOf?: string; date?: string; ruleset?: string;
  awards?: AwardId[];
  include: VerdictStatus[];
  requested?: NomineeRequest[];
  details: UnitDetails;
  unit?: string;
  fixEncoding: boolean;
  /** false with --no-cache. */
  cache?: boolean;
};

/** `issues` are the nominees' (not found, ambiguous, not eligible); the data's and the evaluation's sit in `data` and `ev`. */
export type PreparedDossier = { data: LoadedData; ev: Evaluation; nominations: Nomination[]; issues: Issue[]; plan: PlannedDocument[] };

/** ingest → history → rules → dossier plan, shared by `generate` and `verify` (nothing is written here). */
export async function prepareDossier(req: DossierRequest, ctx: RunContext): Promise<PreparedDossier> {
  const data = await loadData(req.paths, { mode: ctx.mode, fixEncoding: req.fixEncoding, lang: ctx.lang, cache: req.cache }, ctx.io, ctx.o);
  const ev = prepareEvaluation({ asOf: req.asOf, date: req.date, ruleset: req.ruleset }, ctx, data.timelines, data.confirmations, data.issues);
  const cache = new Map<string, Verdict[]>();
  const verdictOf = (tl: Timeline, award: AwardId) => {
    let vs = cache.get(tl.subject.id);
    if (!vs) cache.set(tl.subject.id, (vs = evaluateSubject(tl, ev.env, new Map())));
    return vs.find((v) => v.award === award);
  };
  const awards = req.awards ?? [...new Set(req.requested?.map((r) => r.award) ?? [])];
  const { nominations, issues } = selectNominations(awards, data.timelines, verdictOf, { include: req.include, requested: req.requested });
  const unit = req.unit ?? req.details.agency ?? mostCommonUnit(nominations) ?? '…';
  const narratives = readNarratives(req.paths, ctx.io.cwd, nominations.map((n) => n.subject));
  const plan = planDossier(nominations, { asOf: ev.asOf, ruleset: ev.ruleset, details: req.details, unit, narratives });
  return { data, ev, nominations, issues, plan };
}

function mostCommonUnit(noms: Nomination[]): string | undefined {
  const counts = new Map<string, number>();
  for (const n of noms) if (n.subject.subject.unit) counts.set(n.subject.subject.unit, (counts.get(n.subject.subject.unit) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const nomineeSchema = z.array(z.object({ award: awardIdSchema, subject: z.string().min(1), justification: z.string().optional() }).strict());

/** An explicit list of nominees: YAML/JSON [{award, subject, justification}] or CSV "award,subject,justification". */
export function readNominees(file: string, cwd: string, vi: boolean): NomineeRequest[] {
  const abs = isAbsolute(file) ? file : join(cwd, file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8').replace(/^\ufeff/, '');
  } catch {
    throw new UsageError(vi ? `Không đọc được tệp danh sách đề nghị ${file}.` : `Cannot read ${file}.`);
  }
  let data: unknown;
  if (extname(file).toLowerCase() === '.csv') {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const sep = lines[0]?.includes(';') ? ';' : ',';
    data = lines.slice(1).map((l) => {
      const [award, subject, justification] = l.split(sep).map((x) => x.trim());
      return justification ? { award, subject, justification } : { award, subject };
    });
  } else data = YAML.parse(text);
  const parsed = nomineeSchema.safeParse(data);
  if (!parsed.success) {
    throw new UsageError(`${vi ? 'Danh sách đề nghị không hợp lệ' : 'Invalid nominee list'} (${file}):\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data.map((r) => ({ award: r.award, subject: r.subject, ...(r.justification ? { justification: r.justification } : {}) }));
}
