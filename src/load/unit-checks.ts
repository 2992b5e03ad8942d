// Checks of the unit directory that the schema cannot state: real dates, a history in order, and a
// superior that exists on every day the unit points to it — no dangling id, no unit above itself,
// no cycle. Each problem is an error where the offending value was written.
import type { DonVi } from '../model/source-types.generated.ts';
import type { Origin } from '../model/types.ts';
import type { Diagnostic } from './diagnostic.ts';
import { originAt } from './origins.ts';
import { changeDates, existsOn, nextDay, stateOn } from './units-in-time.ts';
import { calendarProblem, isCalendarDate } from './calendar.ts';

type Path = (string | number)[];

export function checkUnits(records: ReadonlyMap<string, DonVi>, originOf: (id: string) => Origin): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (id: string, path: Path, rule: string, message: string) =>
    out.push({ ...originAt(records.get(id), path, originOf(id)), severity: 'error', rule, message });
  const dated = new Set<string>(); // units whose dates are all real: only those enter the timeline

  for (const [id, u] of records) {
    let ok = true;
    const date = (value: string | undefined, path: Path) => {
      if (value === undefined || isCalendarDate(value)) return;
      ok = false;
      at(id, path, 'invalid-date', `${calendarProblem(value) ?? value}; sửa lại ngày của đơn vị '${id}'`);
    };
    date(u.tu_ngay, ['tu_ngay']);
    date(u.den_ngay, ['den_ngay']);
    (u.thay_doi ?? []).forEach((c, i) => date(c.tu_ngay, ['thay_doi', i, 'tu_ngay']));
    if (!ok) continue;
    dated.add(id);
    if (u.tu_ngay && u.den_ngay && u.den_ngay < u.tu_ngay) {
      at(id, ['den_ngay'], 'unit-history', `đơn vị '${id}' kết thúc (den_ngay: ${u.den_ngay}) trước khi bắt đầu (tu_ngay: ${u.tu_ngay})`);
    }
    let previous = u.tu_ngay;
    (u.thay_doi ?? []).forEach((c, i) => {
      if (previous && c.tu_ngay <= previous) {
        at(id, ['thay_doi', i, 'tu_ngay'], 'unit-history', `các lần thay đổi của '${id}' phải xếp theo ngày tăng dần, sau tu_ngay của đơn vị: ${c.tu_ngay} không sau ${previous}`);
      }
      if (u.den_ngay && c.tu_ngay > u.den_ngay) {
        at(id, ['thay_doi', i, 'tu_ngay'], 'unit-history', `thay đổi ngày ${c.tu_ngay} sau ngày đơn vị '${id}' kết thúc (den_ngay: ${u.den_ngay})`);
      }
      previous = c.tu_ngay;
    });
    if (u.tro_thanh && !u.den_ngay) {
      at(id, ['tro_thanh'], 'unit-history', `'${id}' có tro_thanh nhưng không có den_ngay: ghi ngày cuối cùng đơn vị còn tồn tại`);
    }
    (u.tro_thanh ?? []).forEach((target, i) => {
      const t = records.get(target);
      if (!t) at(id, ['tro_thanh', i], 'unit-unknown', `không có đơn vị mã '${target}' trong data/don-vi/`);
      else if (u.den_ngay && isCalendarDate(u.den_ngay) && !existsOn(t, nextDay(u.den_ngay))) {
        at(id, ['tro_thanh', i], 'unit-history', `'${target}' không tồn tại vào ngày ${nextDay(u.den_ngay)}, ngày sau khi '${id}' kết thúc`);
      }
    });
    const superiors: [string | null | undefined, Path][] = [[u.thuoc, ['thuoc']], ...(u.thay_doi ?? []).map((c, i): [string | null | undefined, Path] => [c.thuoc, ['thay_doi', i, 'thuoc']])];
    for (const [sup, path] of superiors) {
      if (typeof sup !== 'string') continue;
      if (sup === id) at(id, path, 'unit-self-superior', `đơn vị '${id}' không thể thuộc chính nó; ghi mã đơn vị cấp trên trực tiếp`);
      else if (!records.has(sup)) at(id, path, 'unit-unknown-superior', `không có đơn vị cấp trên mã '${sup}' trong data/don-vi/; kiểm tra lại mã (xem: kehoach units)`);
    }
  }

  // On every day something changes, each existing unit's superior must exist and the chain must end.
  const days = new Set<string>(['0001-01-01']);
  for (const id of dated) for (const d of changeDates(records.get(id)!)) days.add(d);
  const reported = new Set<string>();
  for (const day of [...days].sort()) {
    const thuoc = new Map<string, string>();
    for (const id of dated) {
      const u = records.get(id)!;
      if (!existsOn(u, day)) continue;
      const sup = stateOn(u, day).thuoc;
      if (sup && sup !== id && records.has(sup)) thuoc.set(id, sup);
    }
    for (const [id, sup] of thuoc) {
      const key = `${id}`;
      if (reported.has(key)) continue;
      const superior = records.get(sup)!;
      if (dated.has(sup) && !existsOn(superior, day)) {
        reported.add(key);
        at(id, superiorPath(records.get(id)!, day), 'unit-superior-not-in-effect', `ngày ${day} đơn vị cấp trên '${sup}' của '${id}' không tồn tại (xem tu_ngay, den_ngay của '${sup}'); ghi thay_doi với cấp trên mới từ ngày đó`);
        continue;
      }
      const seen = new Set<string>([id]);
      let cur = sup;
      while (thuoc.has(cur) && !seen.has(cur)) {
        seen.add(cur);
        cur = thuoc.get(cur)!;
      }
      if (cur === id || seen.has(cur)) {
        if (cur !== id) continue; // a unit that only leads into a cycle; the cycle's members are reported
        reported.add(key);
        at(id, superiorPath(records.get(id)!, day), 'unit-cycle', `vòng lặp cấp trên: ${[...seen, id].join(' → ')} (ngày ${day}); một đơn vị không thể nằm dưới chính nó`);
      }
    }
  }
  return out;
}

/** Path of the `thuoc` value in force on `day`: the latest change that set it, else the unit's own. */
function superiorPath(u: DonVi, day: string): Path {
  const changes = u.thay_doi ?? [];
  for (let i = changes.length - 1; i >= 0; i--) if (changes[i].tu_ngay <= day && 'thuoc' in changes[i]) return ['thay_doi', i, 'thuoc'];
  return ['thuoc'];
}
