import type { VerifyReport } from '../dossier/verify.js';
import { maskIds } from './mask.js';

type Lang = 'vi' | 'en';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** JUnit XML of `tdkt verify`: one testsuite per check group, one testcase per check; warnings are skipped tests. */
export function renderJunit(report: VerifyReport, lang: Lang, showIds = false): string {
  const m = (s: string) => esc(showIds ? s : maskIds(s));
  const total = report.groups.reduce((n, g) => n + g.checks.length, 0);
  const failures = report.groups.reduce((n, g) => n + g.checks.filter((c) => c.state === 'fail').length, 0);
  const lines = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="tdkt verify ${m(report.dossier)}" tests="${total}" failures="${failures}">`];
  for (const g of report.groups) {
    const f = g.checks.filter((c) => c.state === 'fail').length;
    const skipped = g.checks.filter((c) => c.state === 'warn').length;
    lines.push(`  <testsuite name="${m(g.name[lang])}" tests="${g.checks.length}" failures="${f}" skipped="${skipped}">`);
    for (const c of g.checks) {
      const head = `    <testcase classname="${esc(`tdkt.${g.id}`)}" name="${m(c.name[lang])}"${c.file ? ` file="${m(c.file)}"` : ''}`;
      if (c.state === 'pass') lines.push(`${head}/>`);
      else if (c.state === 'warn') lines.push(`${head}><skipped message="${m(c.message[lang])}"/></testcase>`);
      else lines.push(`${head}><failure message="${m(c.message[lang].split('\n')[0])}">${m(c.message[lang])}</failure></testcase>`);
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

/** GitHub Actions workflow commands: an annotation per failed check (error) and per reminder (warning). */
export function renderGithub(report: VerifyReport, lang: Lang, showIds = false): string {
  const m = (s: string) => (showIds ? s : maskIds(s)).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => m(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const out: string[] = [];
  for (const g of report.groups) {
    for (const c of g.checks) {
      if (c.state === 'pass') continue;
      const level = c.state === 'fail' ? 'error' : 'warning';
      const file = c.file ? `file=${prop(`${report.dossier}/${c.file}`)},` : '';
      out.push(`::${level} ${file}title=${prop(`${g.name[lang]}: ${c.name[lang]}`)}::${m(c.message[lang])}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** `tdkt verify --format json`: schema tdkt.verify/v1. */
export function renderVerifyJson(report: VerifyReport, lang: Lang): string {
  return `${JSON.stringify({
    schema: 'tdkt.verify/v1', dossier: report.dossier, ok: report.ok,
    groups: report.groups.map((g) => ({ id: g.id, name: g.name[lang], checks: g.checks.map((c) => ({ id: c.id, name: c.name[lang], state: c.state, message: c.message[lang], ...(c.file ? { file: c.file } : {}) })) })),
  }, null, 2)}\n`;
}
