import { disciplineAtLeast, type DisciplineLevel } from '../../model/record.js';
import { ratingAtLeast, type Rating } from '../../model/rating.js';
import type { Timeline } from '../../model/subject.js';
import { hasTitle, recordAt } from '../facts.js';
import type { Criterion, EvalContext, Text } from '../types.js';
import { criterion, type CriterionSpec } from './core.js';

type MemberTest = (tl: Timeline, ctx: EvalContext) => boolean | undefined;

export const memberRated = (floor: Rating): MemberTest => (tl, ctx) => {
  const r = recordAt(tl, ctx.asOf)?.rating;
  return r === undefined ? undefined : ratingAtLeast(r, floor);
};

export const memberTitled = (award: 'ldtt' | 'cstdcs'): MemberTest => (tl, ctx) => hasTitle(recordAt(tl, ctx.asOf), award);

export const memberDisciplined = (floor: DisciplineLevel): MemberTest => (tl, ctx) => {
  const d = recordAt(tl, ctx.asOf)?.discipline;
  return d === undefined ? undefined : d.some((x) => disciplineAtLeast(x.level, floor));
};

/**
 * The share of the collective's members (in the as-of period) meeting `test` compares with `threshold`
 * ("≥ 70% LĐTT", "100% hoàn thành nhiệm vụ"); `above` makes it strict ("trên 50%").
 */
export function memberShare(spec: CriterionSpec, test: MemberTest, threshold: number, what: Text, above = false): Criterion {
  return criterion(spec, (ctx) => {
    const members = ctx.members(ctx.timeline.subject.id, ctx.asOf);
    if (members.length === 0) return { status: 'unknown', found: { vi: `Không có dữ liệu thành viên năm học ${ctx.asOf}`, en: `No member data for ${ctx.asOf}` } };
    let yes = 0;
    let unknown = 0;
    for (const m of members) {
      const v = test(m, ctx);
      if (v === true) yes++;
      else if (v === undefined) unknown++;
    }
    const n = members.length;
    const ok = (k: number) => (above ? k / n > threshold : k / n >= threshold - 1e-9);
    const status = ok(yes) ? 'met' : !ok(yes + unknown) ? 'unmet' : 'unknown';
    const pct = (k: number) => `${Math.round((k / n) * 1000) / 10}%`;
    return {
      status,
      found: {
        vi: `${yes}/${n} thành viên ${what.vi} (${pct(yes)})${unknown ? `; ${unknown} người thiếu dữ liệu` : ''}`,
        en: `${yes}/${n} members ${what.en} (${pct(yes)})${unknown ? `; ${unknown} without data` : ''}`,
      },
    };
  });
}

/** At least one member meets `test` ("có cá nhân đạt CSTĐCS"). */
export function someMember(spec: CriterionSpec, test: MemberTest, what: Text): Criterion {
  return criterion(spec, (ctx) => {
    const members = ctx.members(ctx.timeline.subject.id, ctx.asOf);
    const hits = members.filter((m) => test(m, ctx) === true);
    const unknown = members.filter((m) => test(m, ctx) === undefined).length;
    if (hits.length > 0) return { status: 'met', found: { vi: `${hits.length} thành viên ${what.vi}: ${hits.slice(0, 5).map((m) => m.subject.name).join(', ')}${hits.length > 5 ? ', …' : ''}`, en: `${hits.length} members ${what.en}` } };
    if (members.length === 0 || unknown > 0) return { status: 'unknown', found: { vi: `Không đủ dữ liệu thành viên năm học ${ctx.asOf}`, en: `Not enough member data for ${ctx.asOf}` } };
    return { status: 'unmet', found: { vi: `Không có thành viên nào ${what.vi}`, en: `No member ${what.en}` } };
  });
}

/** No member disciplined at `floor` or above in the as-of period. */
export function noMemberDisciplined(spec: CriterionSpec, floor: DisciplineLevel): Criterion {
  return criterion(spec, (ctx) => {
    const members = ctx.members(ctx.timeline.subject.id, ctx.asOf);
    const test = memberDisciplined(floor);
    const hits = members.filter((m) => test(m, ctx) === true);
    const unknown = members.filter((m) => test(m, ctx) === undefined).length;
    if (hits.length > 0) return { status: 'unmet', found: { vi: `Có thành viên bị kỷ luật: ${hits.map((m) => m.subject.name).join(', ')}`, en: `Disciplined members: ${hits.map((m) => m.subject.name).join(', ')}` } };
    if (members.length === 0) return { status: 'unknown', found: { vi: `Không có dữ liệu thành viên năm học ${ctx.asOf}`, en: `No member data for ${ctx.asOf}` } };
    if (unknown > 0) return { status: 'unknown', found: { vi: `${unknown} thành viên không có dữ liệu kỷ luật`, en: `${unknown} members without discipline data` } };
    return { status: 'met', found: { vi: 'Không có thành viên bị kỷ luật', en: 'No member disciplined' } };
  });
}
