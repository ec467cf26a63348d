import { checkNesting, innermostLoop, loopNames, pairLoops, placeLoop, type Loop, type Report, type Tag } from './loops.js';
import { decodeXml, mergeSplitTags, rawText, scanXml, type Scan, type SplitTag } from './xml-scan.js';

// Compiles one XML part of a template into a tree of literal XML pieces, values and loops, so that filling a
// document is a walk over the tree that joins strings. Syntax (docs/templates.md):
//   {name}                  a value, XML-escaped
//   {#list}…{/list}          a loop; what it repeats depends on where its two tags are:
//     - both in one paragraph:            the paragraph
//     - in different cells of one table:  the rows from the opening tag's row to the closing tag's row
//     - in different paragraphs, each tag alone in its paragraph (same cell, or both outside tables):
//                                          the paragraphs and tables between them (the tag paragraphs go)
//   {.}                     the current item of a loop over a list of texts
// A loop over a value that is not a list shows its content once when the value is non-empty, else hides it.

export type ValueNode = { v: string };
export type LoopNode = { loop: string; body: Node[]; empty: string };
export type Node = string | ValueNode | LoopNode;

export type TemplateProblemCode =
  | 'not-docx' | 'bad-name' | 'unclosed-brace' | 'unclosed-loop' | 'unopened-loop' | 'loop-not-alone' | 'loop-crosses'
  | 'loop-overlap';
export type TemplateProblem = { code: TemplateProblemCode; part: string; name?: string; paragraph?: string };

/** One placeholder as written: `scope` lists the loops around it, outermost first. */
export type TagUse = { name: string; usage: 'value' | 'loop'; scope: string[]; part: string; paragraph: string };

export type CompiledPart = { nodes: Node[]; uses: TagUse[]; split: SplitTag[]; problems: TemplateProblem[] };

const TAG_BODY = /^\s*([#/]?)\s*([A-Za-z_][A-Za-z0-9_]*|\.)\s*$/;
const BRACED = /\{([^{}]*)\}/g;

export function compilePart(source: string, part: string): CompiledPart {
  const merged = mergeSplitTags(source, scanXml(source));
  const xml = merged.xml;
  const scan = scanXml(xml);
  const found: { at: number; problem: TemplateProblem }[] = [];
  const texts = new Map<number, string>();
  const paragraph = (i: number): string => {
    let t = texts.get(i);
    if (t === undefined) texts.set(i, (t = decodeXml(rawText(xml, scan.paras[i]))));
    return t;
  };
  const problem: Report = (code, para, name, at = scan.paras[para].start) => {
    found.push({ at, problem: { code, part, ...(name === undefined ? {} : { name }), paragraph: paragraph(para) } });
  };

  const tags = findTags(xml, scan, problem);
  const { loops, scopes } = pairLoops(tags, problem);
  for (const loop of loops) placeLoop(loop, xml, scan, paragraph, problem);
  checkNesting(loops, problem);
  const problems = found.sort((a, b) => a.at - b.at).map((f) => f.problem); // in document order
  const valid = problems.length === 0;
  const containers = valid ? tags.map((t) => innermostLoop(t, loops)) : [];
  const uses = tags.flatMap((t, i): TagUse[] => t.kind === 'close' ? [] : [{
    name: t.name,
    usage: t.kind === 'value' ? 'value' : 'loop',
    scope: valid && t.kind === 'value' ? loopNames(containers[i]) : scopes[i],
    part,
    paragraph: paragraph(t.para),
  }]);
  if (!valid) return { nodes: [xml], uses, split: merged.split, problems };
  return { nodes: buildTree(xml, tags, containers, loops), uses, split: merged.split, problems };
}

function findTags(xml: string, scan: Scan, problem: Report): Tag[] {
  const tags: Tag[] = [];
  scan.paras.forEach((p, i) => {
    if (!p.texts.some((t) => xml.lastIndexOf('{', t.end) >= t.start)) return;
    if (rawText(xml, p).replace(BRACED, '').includes('{')) problem('unclosed-brace', i);
    for (const t of p.texts) {
      const raw = xml.slice(t.start, t.end);
      BRACED.lastIndex = 0;
      for (let m = BRACED.exec(raw); m; m = BRACED.exec(raw)) {
        const text = decodeXml(m[0]);
        const parsed = TAG_BODY.exec(decodeXml(m[1]));
        if (!parsed || (parsed[1] !== '' && parsed[2] === '.')) {
          problem('bad-name', i, text, t.start + m.index);
          continue;
        }
        const kind = parsed[1] === '#' ? 'open' : parsed[1] === '/' ? 'close' : 'value';
        tags.push({ kind, name: parsed[2], start: t.start + m.index, end: t.start + m.index + m[0].length, para: i, text });
      }
    }
  });
  return tags.sort((a, b) => a.start - b.start);
}

type Event = { at: number; tag: Tag } | { at: number; loop: Loop };

function buildTree(xml: string, tags: Tag[], containers: (Loop | null)[], loops: Loop[]): Node[] {
  const events = new Map<Loop | null, Event[]>();
  const add = (c: Loop | null, e: Event): void => {
    const list = events.get(c);
    if (list) list.push(e);
    else events.set(c, [e]);
  };
  for (const l of loops) add(l.parent, { at: l.outerStart, loop: l });
  tags.forEach((t, i) => add(containers[i], { at: t.start, tag: t }));
  for (const list of events.values()) list.sort((a, b) => a.at - b.at);

  const build = (container: Loop | null, from: number, to: number): Node[] => {
    const out: Node[] = [];
    const literal = (s: string): void => {
      if (s === '') return;
      if (typeof out[out.length - 1] === 'string') out[out.length - 1] += s;
      else out.push(s);
    };
    let cursor = from;
    for (const e of events.get(container) ?? []) {
      if (e.at < cursor) continue; // a block loop's own tag paragraph, already skipped with the loop
      literal(xml.slice(cursor, e.at));
      if ('tag' in e) {
        if (e.tag.kind === 'value') out.push({ v: e.tag.name });
        cursor = e.tag.end;
      } else {
        const l = e.loop;
        out.push({ loop: l.name, body: build(l, l.bodyStart, l.bodyEnd), empty: l.empty });
        cursor = l.outerEnd;
      }
    }
    literal(xml.slice(cursor, to));
    return out;
  };
  return build(null, 0, xml.length);
}
