import type ExcelJS from 'exceljs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/core/columns.js';
import { defaultRules, resolveRules } from '../../src/core/config/resolve-rules.js';
import type { Config } from '../../src/core/config/schema.js';
import { locateTable } from '../../src/core/locate/locate-table.js';
import {
  buildTemplateWorkbook,
  INSTRUCTIONS_SHEET,
  LISTS_SHEET,
  TEMPLATE_SHEET,
  templateFileName,
  UNIT_LABEL_TEXT,
  writeTemplate,
} from '../../src/io/write/write-template.js';
import { pane, readExcel, readSheetJS, rowsOf, sheetjsRows, tempDir, text, toNeutral, validationAt, validationModel } from './read-back.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const letter = (key: string) => String.fromCharCode(65 + COLUMNS.findIndex((c) => c.key === key));

async function written(rules: Config, opts: { unit?: string } = {}): Promise<string> {
  const file = path.join(await tempDir(), 't.xlsx');
  await writeTemplate(file, rules, opts);
  return file;
}

function otherRules(): Config {
  const base = defaultRules();
  return resolveRules(
    {
      district: '弋江区',
      year: 2024,
      theme: '弘扬科学家精神,激发全社会创新活力',
      windows: {
        concentrated: { start: '2024-09-14', end: '2024-09-20' },
        mainEvent: { start: '2024-09-10', end: '2024-09-18' },
        website: { start: '2024-09-01', end: '2024-09-30' },
      },
      deadlines: { schedule: '2024-09-06' },
      towns: ['马塘街道', '澛港街道', '白马街道'],
      places: ['高新区'],
      categories: base.categories,
      roster: [{ name: '马塘街道', kind: '镇街' }],
      nameMaxLength: 40,
    },
    'test',
  );
}

describe('blank template (SPEC §2)', () => {
  it('lays out 附件2 exactly: title, unit line, header, frozen panes, widths', async () => {
    const rules = defaultRules();
    const wb = await readExcel(await written(rules));
    expect(wb.worksheets.map((w) => w.name)).toEqual([TEMPLATE_SHEET, INSTRUCTIONS_SHEET, LISTS_SHEET]);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    expect(text(ws.getCell('A1'))).toBe('附件2');
    expect(text(ws.getCell('A2'))).toBe('2023年鸠江区全国科普日活动安排表');
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('A2').alignment?.horizontal).toBe('center');
    expect(ws.model.merges).toContain('A2:U2');
    const row3 = ws.getRow(3).values as unknown[];
    const joined = row3.filter((v) => typeof v === 'string' && v !== '').join(' ');
    expect(joined).toBe(`${UNIT_LABEL_TEXT} 联系人： 联系电话： 填报日期：`);
    // label and blank in separate cells, none merged (a reader copying merged values stays right)
    expect(text(ws.getCell('B3'))).toBe(UNIT_LABEL_TEXT);
    expect(text(ws.getCell('C3'))).toBe('');
    expect(ws.model.merges.filter((m) => /^[A-Z]+3:/.test(m))).toEqual([]);
    expect(COLUMNS.map((_c, i) => text(ws.getCell(4, i + 1)))).toEqual(COLUMNS.map((c) => c.label));
    const h = ws.getCell('B4');
    expect(h.font?.bold).toBe(true);
    expect(h.alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect((h.fill as ExcelJS.FillPattern).fgColor?.argb).toBeTruthy();
    expect(h.border?.top?.style).toBe('thin');
    expect(pane(ws)).toMatchObject({ state: 'frozen', ySplit: 4 });
    COLUMNS.forEach((c, i) => expect(ws.getColumn(i + 1).width).toBe(c.width));
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  it('formats rows 5…204: borders, date cells, text phone, whole-number count', async () => {
    const ws = (await readExcel(await written(defaultRules()))).getWorksheet(TEMPLATE_SHEET)!;
    for (const r of [5, 100, 204]) {
      expect(ws.getCell(`${letter('startDate')}${r}`).numFmt).toBe('yyyy-mm-dd');
      expect(ws.getCell(`${letter('endDate')}${r}`).numFmt).toBe('yyyy-mm-dd');
      expect(ws.getCell(`${letter('phone')}${r}`).numFmt).toBe('@');
      expect(ws.getCell(`B${r}`).border?.bottom?.style).toBe('thin');
    }
    expect(ws.getCell('B205').border?.bottom).toBeUndefined();
    for (let r = 5; r <= 204; r++) for (let c = 1; c <= COLUMNS.length; c++) expect(ws.getCell(r, c).value ?? null).toBeNull();
  });

  it('points every dropdown at a range on the hidden list sheet, and checks dates and counts', async () => {
    const rules = defaultRules();
    const wb = await readExcel(await written(rules));
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe('veryHidden');

    const expectList = (key: string, values: string[]) => {
      for (const r of [5, 204]) {
        const dv = validationAt(ws, `${letter(key)}${r}`);
        expect(dv?.type, key).toBe('list');
        const m = /^lists!\$([A-Z])\$2:\$\1\$(\d+)$/.exec(String(dv!.formulae[0]));
        expect(m, `${key}: ${dv!.formulae[0]}`).toBeTruthy();
        const col = lists.getColumn(m![1]).number;
        const got = [];
        for (let i = 2; i <= Number(m![2]); i++) got.push(text(lists.getCell(i, col)));
        expect(got, key).toEqual(values);
      }
      expect(validationAt(ws, `${letter(key)}205`)).toBeUndefined();
      return validationAt(ws, `${letter(key)}5`)!;
    };
    expect(
      expectList(
        'category',
        rules.categories.map((c) => c.name),
      ).showErrorMessage,
    ).toBe(true);
    expectList('form', rules.forms);
    expect(expectList('field', rules.fields).showErrorMessage).toBeFalsy();
    expect(expectList('mode', rules.modes).errorStyle).toBe('stop');
    expectList('town', [...rules.towns, ...rules.places, '全区']);
    expectList('published', ['是', '否']);

    const date = validationAt(ws, `${letter('startDate')}5`)!;
    expect(date).toMatchObject({ type: 'date', operator: 'between', showErrorMessage: true });
    expect((date.formulae[0] as Date).toISOString().slice(0, 10)).toBe('2023-01-01');
    expect((date.formulae[1] as Date).toISOString().slice(0, 10)).toBe('2023-12-31');
    expect(date.error).toMatch(/2023年/);
    expect(validationAt(ws, `${letter('endDate')}204`)?.type).toBe('date');
    const count = validationAt(ws, `${letter('expectedCount')}5`)!;
    expect(count).toMatchObject({ type: 'whole', operator: 'greaterThan', formulae: [0] });

    // no inline list anywhere (they corrupt files over 255 characters)
    for (const dv of Object.values(validationModel(ws))) {
      if (dv?.type === 'list') expect(String(dv.formulae[0])).not.toMatch(/^"/);
    }
  });

  it('explains every column and every rule on 填表说明', async () => {
    const rules = defaultRules();
    const ws = (await readExcel(await written(rules))).getWorksheet(INSTRUCTIONS_SHEET)!;
    const all = rowsOf(ws).map((r) => r.map((v) => (v === null ? '' : String(v))));
    const body = all.map((r) => r.join('|')).join('\n');
    const columnRows = all.filter((r) => /^[A-Z]$/.test(r[0]));
    expect(columnRows.map((r) => r[1])).toEqual(COLUMNS.map((c) => c.label));
    for (const c of COLUMNS) {
      const row = columnRows.find((r) => r[1] === c.label);
      expect(row, c.label).toBeTruthy();
      expect(row![2]).toMatch(/必填|选填/);
      expect(row![3].length).toBeGreaterThan(3);
    }
    expect(columnRows.find((r) => r[1] === '活动名称')![2]).toBe('必填');
    expect(columnRows.find((r) => r[1] === '活动地点')![2]).toBe('线下必填');
    expect(columnRows.find((r) => r[1] === '备注')![2]).toBe('选填');
    expect(columnRows.find((r) => r[1] === '活动网址')![2]).toBe('线上必填');
    for (const c of rules.categories) expect(body).toContain(c.name);
    for (const f of rules.fields) expect(body).toContain(f);
    expect(body).toContain('2023年9月17日至2023年9月23日'); // window
    expect(body).toContain('2023年9月11日至2023年9月20日'); // main event
    expect(body).toContain('2023年9月12日前'); // deadline
    expect(body).toContain(`不超过${rules.nameMaxLength}字`);
    expect(body).toMatch(/一项活动填一行/);
    expect(body).toMatch(/请勿修改、删除或移动第4行表头/);
    expect(body).toMatch(/活动网址/);
    expect(body).toContain(rules.issuer);
  });

  it('is found by kepuri’s own reader: header on row 4, all 21 columns, the unit from row 3', async () => {
    const blank = toNeutral(await readSheetJS(await written(defaultRules())));
    const located = locateTable(blank, 't.xlsx');
    expect(located.ok).toBe(true);
    if (!located.ok) return;
    expect(located.layout.sheet.name).toBe(TEMPLATE_SHEET);
    expect(located.layout.headerRow).toBe(3);
    expect(located.layout.fields.size).toBe(21);
    expect(located.layout.unitLine.unit).toBeUndefined();

    const filled = toNeutral(await readSheetJS(await written(defaultRules(), { unit: '官陡街道' })));
    const again = locateTable(filled, 't.xlsx');
    expect(again.ok && again.layout.unitLine.unit).toBe('官陡街道');
    expect(again.ok && again.layout.unitLine.cell).toBe('C3');
  });

  it('reads the same in SheetJS: sheets, very hidden lists, merges, header', async () => {
    const wb = await readSheetJS(await written(defaultRules(), { unit: '官陡街道' }));
    expect(wb.SheetNames).toEqual([TEMPLATE_SHEET, INSTRUCTIONS_SHEET, LISTS_SHEET]);
    expect(wb.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 0, 2]);
    const rows = sheetjsRows(wb, TEMPLATE_SHEET);
    expect(rows[0][0]).toBe('附件2');
    expect(rows[1][0]).toBe('2023年鸠江区全国科普日活动安排表');
    expect(rows[2][1]).toBe(UNIT_LABEL_TEXT);
    expect(rows[2][2]).toBe('官陡街道');
    expect(rows[3]).toEqual(COLUMNS.map((c) => c.label));
    const merges = (wb.Sheets[TEMPLATE_SHEET]['!merges'] ?? []).map((m) => wb && `${m.s.r},${m.s.c}:${m.e.r},${m.e.c}`);
    expect(merges).toContain('1,0:1,20');
    expect(wb.Sheets[TEMPLATE_SHEET]['!cols']?.[1]?.wch ?? wb.Sheets[TEMPLATE_SHEET]['!cols']?.[1]?.width).toBeTruthy();
  });

  it('takes everything from the rules: another year and district leave no trace of 2023 or 鸠江区', async () => {
    const rules = otherRules();
    const wb = await readExcel(await written(rules));
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    expect(text(ws.getCell('A2'))).toBe('2024年弋江区全国科普日活动安排表');
    const date = validationAt(ws, `${letter('startDate')}5`)!;
    expect((date.formulae[0] as Date).toISOString().slice(0, 10)).toBe('2024-01-01');
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    const townCol = rowsOf(lists)
      .map((r) => r[4])
      .filter((v) => v !== null);
    expect(townCol).toEqual(['镇街选项', '马塘街道', '澛港街道', '白马街道', '高新区', '全区']);
    for (const sheet of wb.worksheets) {
      for (const row of rowsOf(sheet)) {
        for (const v of row) {
          if (typeof v !== 'string') continue;
          expect(v).not.toMatch(/2023|鸠江|芜湖|四褐山|0553/);
        }
      }
    }
    const body = rowsOf(wb.getWorksheet(INSTRUCTIONS_SHEET)!).flat().join('|');
    expect(body).toContain('不超过40字');
    expect(body).toContain('2024年9月6日前');
    expect(templateFileName(rules)).toBe('附件2-活动安排表-2024.xlsx');
  });

  it('is reproducible: two builds give the same cells and the same fixed creation date', async () => {
    const a = await buildTemplateWorkbook(defaultRules(), {});
    expect(a.created.toISOString()).toBe('2023-01-01T00:00:00.000Z');
    const b = await readExcel(Buffer.from(await a.xlsx.writeBuffer()));
    expect(b.created.toISOString()).toBe('2023-01-01T00:00:00.000Z');
    const at = new Date(Date.UTC(2023, 7, 30));
    const c = await buildTemplateWorkbook(defaultRules(), { createdAt: at });
    expect(c.modified.toISOString()).toBe(at.toISOString());
  });
});

describe(`templates/${templateFileName(defaultRules())}`, () => {
  it('equals what `kepuri template` generates, cell by cell (regenerate with scripts/make-template.mjs)', async () => {
    const shipped = await readExcel(path.join(root, 'templates', templateFileName(defaultRules())));
    const fresh = await readExcel(await written(defaultRules()));
    expect(shipped.worksheets.map((w) => [w.name, w.state])).toEqual(fresh.worksheets.map((w) => [w.name, w.state]));
    for (const f of fresh.worksheets) {
      const s = shipped.getWorksheet(f.name)!;
      expect([s.rowCount, s.columnCount], f.name).toEqual([f.rowCount, f.columnCount]);
      for (let r = 1; r <= f.rowCount; r++) {
        for (let c = 1; c <= f.columnCount; c++) {
          const fc = f.getCell(r, c);
          const sc = s.getCell(r, c);
          const where = `${f.name}!${fc.address}`;
          expect(sc.value ?? null, where).toEqual(fc.value ?? null);
          expect(sc.numFmt ?? null, where).toEqual(fc.numFmt ?? null);
          expect(JSON.stringify(sc.font ?? {}), where).toBe(JSON.stringify(fc.font ?? {}));
          expect(JSON.stringify(sc.fill ?? {}), where).toBe(JSON.stringify(fc.fill ?? {}));
          expect(JSON.stringify(sc.border ?? {}), where).toBe(JSON.stringify(fc.border ?? {}));
        }
        expect(s.getRow(r).height, `${f.name} row ${r}`).toEqual(f.getRow(r).height);
      }
      for (let c = 1; c <= f.columnCount; c++) expect(s.getColumn(c).width).toEqual(f.getColumn(c).width);
      expect([...s.model.merges].sort()).toEqual([...f.model.merges].sort());
      expect(JSON.stringify(validationModel(s))).toBe(JSON.stringify(validationModel(f)));
      expect(s.views).toEqual(f.views);
    }
    // and SheetJS sees the same values
    const a = await readSheetJS(path.join(root, 'templates', templateFileName(defaultRules())));
    const b = await readSheetJS(await written(defaultRules()));
    for (const name of b.SheetNames) expect(sheetjsRows(a, name)).toEqual(sheetjsRows(b, name));
  });
});
