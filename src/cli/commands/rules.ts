import { AWARDS } from '../../model/award.js';
import { formatCitation, PARAMETERS, parameterDefault, RULESETS, rulesetById, type Criterion } from '../../rules/index.js';
import { startCommand } from '../context.js';
import { parseAwards } from '../evaluation.js';
import type { Lang } from '../i18n/index.js';
import { UsageError, type Io } from '../io.js';
import type { CommonOptions } from '../main.js';

/** Every ruleset, rule, criterion and parameter with its citation and confidence tag. */
export async function runRules(_args: unknown[], opts: CommonOptions, io: Io, lang: Lang): Promise<number> {
  const ctx = startCommand(opts, io, lang);
  const vi = ctx.lang === 'vi';
  const rulesets = opts.ruleset ? [rulesetById(opts.ruleset)].filter((r) => r !== undefined) : RULESETS;
  if (rulesets.length === 0) throw new UsageError(vi ? `Không có bộ quy tắc "${opts.ruleset}". Có: ${RULESETS.map((r) => r.id).join(', ')}.` : `No ruleset "${opts.ruleset}".`);
  const awards = opts.award ? parseAwards(opts.award, vi) : undefined;
  const crit = (c: Criterion) => ({ id: c.id, requirement: c.requirement[ctx.lang], citation: c.citation ? formatCitation(c.citation) : undefined, confidence: c.confidence });
  const data = {
    schema: 'tdkt.rules/v1',
    rulesets: rulesets.map((rs) => ({
      id: rs.id, title: rs.title[ctx.lang], from: rs.from, until: rs.until, basis: rs.basis,
      rules: rs.rules.filter((r) => !awards || awards.includes(r.award)).map((r) => ({
        award: r.award, kind: r.kind, name: AWARDS[r.award].name[ctx.lang], citation: formatCitation(r.citation), confidence: r.confidence, criteria: r.criteria.map(crit),
      })),
    })),
    parameters: PARAMETERS.map((p) => ({
      id: p.id, configKey: `parameters.${p.id}`, description: p.description[ctx.lang], citation: formatCitation(p.citation), confidence: p.confidence,
      checkedOn: p.checkedOn, defaults: Object.fromEntries(rulesets.map((rs) => [rs.id, parameterDefault(p, rs.id)])), value: ctx.config.parameters?.[p.id], note: p.note,
    })),
  };
  if (ctx.json) {
    ctx.o.out(JSON.stringify(data, null, 2));
    return 0;
  }
  const { c } = ctx.o;
  for (const rs of data.rulesets) {
    ctx.o.out(c.bold(`${rs.id}: ${rs.title}`));
    ctx.o.out(c.dim(`  ${vi ? 'Áp dụng cho đề nghị' : 'For proposals'} ${vi ? 'từ' : 'from'} ${rs.from}${rs.until ? ` ${vi ? 'đến' : 'to'} ${rs.until}` : ''}`));
    for (const r of rs.rules) {
      ctx.o.out('');
      ctx.o.out(`  ${c.bold(r.name)} ${c.dim(`(${r.award}, ${r.kind === 'person' ? (vi ? 'cá nhân' : 'person') : (vi ? 'tập thể' : 'collective')})`)}  ${r.citation} ${c.dim(`[${r.confidence}]`)}`);
      for (const x of r.criteria) ctx.o.out(`    - ${x.id}: ${x.requirement}${x.citation || x.confidence ? c.dim(`  ${x.citation ?? ''}${x.confidence ? ` [${x.confidence}]` : ''}`) : ''}`);
    }
    ctx.o.out('');
  }
  ctx.o.out(c.bold(vi ? 'Tham số (đặt trong tệp cấu hình, mục parameters)' : 'Parameters (config: parameters)'));
  for (const p of data.parameters) {
    const defaults = Object.entries(p.defaults).map(([id, v]) => `${id}=${JSON.stringify(v)}`).join(', ');
    ctx.o.out(`  ${c.bold(p.id)}  ${p.description}`);
    ctx.o.out(c.dim(`    ${vi ? 'mặc định' : 'default'}: ${defaults}${p.value !== undefined ? ` · ${vi ? 'cấu hình' : 'config'}: ${JSON.stringify(p.value)}` : ''} · ${p.citation} [${p.confidence}]`));
    if (p.note) ctx.o.out(c.dim(`    ${p.note}`));
  }
  return 0;
}
