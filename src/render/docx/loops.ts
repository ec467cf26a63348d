import type { TemplateProblemCode } from './compile.js';
import type { Para, Scan } from './xml-scan.js';

// Where each loop of a part starts and ends, and what it repeats (compile.ts describes the three forms).

export type Report = (code: TemplateProblemCode, para: number, name?: string, at?: number) => void;
export type Tag = { kind: 'value' | 'open' | 'close'; name: string; start: number; end: number; para: number; text: string };
export type Loop = {
  name: string; open: Tag; close?: Tag; parent: Loop | null; depth: number;
  /** What the loop replaces, and the part of it that is repeated; `empty` stands in for zero items. */
  outerStart: number; outerEnd: number; bodyStart: number; bodyEnd: number; empty: string; placed: boolean;
};

/** Pairs {#x} with {/x}; returns the closed loops, and for each tag the loops open around it. */
export function pairLoops(tags: Tag[], problem: Report): { loops: Loop[]; scopes: string[][] } {
  const loops: Loop[] = [];
  const scopes: string[][] = [];
  const stack: Loop[] = [];
  for (const tag of tags) {
    scopes.push(stack.map((l) => l.name));
    if (tag.kind === 'open') {
      const loop: Loop = {
        name: tag.name, open: tag, parent: stack[stack.length - 1] ?? null, depth: stack.length,
        outerStart: 0, outerEnd: 0, bodyStart: 0, bodyEnd: 0, empty: '', placed: false,
      };
      stack.push(loop);
      loops.push(loop);
    } else if (tag.kind === 'close') {
      const at = stack.map((l) => l.name).lastIndexOf(tag.name);
      if (at < 0) {
        problem('unopened-loop', tag.para, tag.name, tag.start);
        continue;
      }
      for (const l of stack.splice(at + 1)) problem('unclosed-loop', l.open.para, l.name, l.open.start);
      stack.pop()!.close = tag;
    }
  }
  for (const l of stack) problem('unclosed-loop', l.open.para, l.name, l.open.start);
  return { loops: loops.filter((l) => l.close), scopes };
}

export function placeLoop(loop: Loop, xml: string, scan: Scan, paragraph: (i: number) => string, problem: Report): void {
  const close = loop.close!;
  const po = scan.paras[loop.open.para];
  const pc = scan.paras[close.para];
  const place = (outerStart: number, outerEnd: number, bodyStart: number, bodyEnd: number, empty: string): void => {
    Object.assign(loop, { outerStart, outerEnd, bodyStart, bodyEnd, empty, placed: true });
  };
  if (po === pc) {
    place(po.start, po.end, po.start, po.end, po.cell >= 0 ? emptyParagraph(xml, po) : '');
  } else if (po.cell === pc.cell) {
    const alone = (t: Tag): boolean => paragraph(t.para).trim() === t.text;
    if (!alone(loop.open) || !alone(close)) problem('loop-not-alone', alone(loop.open) ? close.para : loop.open.para, loop.name);
    else place(po.start, pc.end, po.end, pc.start, po.cell >= 0 ? '<w:p/>' : '');
  } else {
    const ro = scan.rows[po.row];
    const rc = scan.rows[pc.row];
    if (ro && rc && ro.table === rc.table && ro.start <= rc.start) place(ro.start, rc.end, ro.start, rc.end, '');
    else problem('loop-crosses', loop.open.para, loop.name);
  }
}

// A table cell must keep at least one paragraph: a loop that empties a cell leaves this one.
function emptyParagraph(xml: string, p: Para): string {
  const pPr = /^<w:pPr\/>|^<w:pPr>[\s\S]*?<\/w:pPr>/.exec(xml.slice(p.openEnd, p.end));
  return `<w:p>${pPr ? pPr[0] : ''}</w:p>`;
}

/** A loop must lie inside the repeated part of the loop around it, and loops side by side must not overlap. */
export function checkNesting(loops: Loop[], problem: Report): void {
  const siblings = new Map<Loop | null, Loop[]>();
  for (const l of loops.filter((x) => x.placed)) {
    const p = l.parent;
    if (p && p.placed && (l.outerStart < p.bodyStart || l.outerEnd > p.bodyEnd)) problem('loop-overlap', l.open.para, l.name);
    siblings.set(p, [...(siblings.get(p) ?? []), l]);
  }
  for (const list of siblings.values()) {
    list.sort((a, b) => a.outerStart - b.outerStart);
    for (let i = 1; i < list.length; i++) {
      if (list[i].outerStart < list[i - 1].outerEnd) problem('loop-overlap', list[i].open.para, list[i].name);
    }
  }
}

// Each tag belongs to the innermost loop whose repeated part holds it: a value in a repeated row belongs to the
// row's loop even when it comes before the loop's opening tag.
export function innermostLoop(tag: Tag, loops: Loop[]): Loop | null {
  let best: Loop | null = null;
  for (const l of loops) {
    if (l.bodyStart <= tag.start && tag.end <= l.bodyEnd && (!best || l.depth > best.depth)) best = l;
  }
  return best;
}

export function loopNames(loop: Loop | null): string[] {
  const names: string[] = [];
  for (let l = loop; l; l = l.parent) names.unshift(l.name);
  return names;
}
