#!/usr/bin/python3
"""Builds the small .xlsx workbooks of tests/data/forms in the shapes Microsoft Forms and Excel
export (docs/formats.md, "Excel workbooks"). Run from anywhere with Debian's python3, which has
openpyxl (python3-openpyxl): /usr/bin/python3 make_xlsx.py

Most are written with openpyxl (Debian python3-openpyxl), as Excel writes them: shared strings,
a styles part with date formats, one sheet per worksheet part. Two are written by hand with
zipfile, as other producers write SpreadsheetML: inline strings, no shared strings or styles,
no cell references, a namespace prefix. The bad ones are damaged on purpose. Every zip entry gets
a fixed time stamp, so the bytes are the same on every run.

The ballots (10 voters, priorities Access, Frailty, Digital, Workforce):
  4 x Access > Frailty > Digital; 3 x Frailty > Access; 2 x Digital > Frailty > Access;
  1 x Workforce > Frailty.
First preferences A 4, F 3, D 2, W 1: plurality elects Access; IRV excludes Workforce (to
Frailty: 4-4-2), then Digital (to Frailty), and elects Frailty 6 to 4.
"""
import datetime
import io
import os
import re
import zipfile

import openpyxl
from openpyxl.styles import Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2024, 1, 1, 0, 0, 0)

BALLOTS = (4 * [["Access", "Frailty", "Digital"]] + 3 * [["Frailty", "Access"]] +
           2 * [["Digital", "Frailty", "Access"]] + 1 * [["Workforce", "Frailty"]])
CANDIDATES = ["Access", "Frailty", "Digital", "Workforce"]


INLINE_CELL = re.compile(r'<c ([^>]*?) ?t="inlineStr"([^>]*)><is><t(?: [^>]*)?>(.*?)</t></is></c>', re.S)


def shared_strings(parts: dict) -> dict:
    """Moves every cell's text into xl/sharedStrings.xml, as Excel writes it (openpyxl 3.0
    writes inline strings)."""
    table: list = []
    index: dict = {}

    def repl(m):
        text = m.group(3)
        if text not in index:
            index[text] = len(table)
            table.append(text)
        return f'<c {m.group(1)}{m.group(2)} t="s"><v>{index[text]}</v></c>'

    for name in list(parts):
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = INLINE_CELL.sub(repl, parts[name].decode()).encode()
    sst = "".join(f'<si><t xml:space="preserve">{t}</t></si>' for t in table)
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main" count="{len(table)}" uniqueCount="{len(table)}">{sst}</sst>').encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["[Content_Types].xml"] = types.encode()
    return parts


def fixed_zip(data: bytes) -> bytes:
    """The same entries, deflated, with a fixed time stamp (openpyxl stamps the current time),
    strings shared as Excel shares them, and fixed creation times in docProps/core.xml."""
    src = zipfile.ZipFile(io.BytesIO(data))
    parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    parts["docProps/core.xml"] = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z",
                                        parts["docProps/core.xml"])
    parts = shared_strings(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(zipfile.ZipInfo(name, STAMP), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def save(wb: openpyxl.Workbook, name: str) -> None:
    buf = io.BytesIO()
    wb.save(buf)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(fixed_zip(buf.getvalue()))


def write_raw(name: str, parts: dict) -> None:
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts.items():
            z.writestr(zipfile.ZipInfo(part, STAMP), text, zipfile.ZIP_DEFLATED)


def forms_sheet(question: str, answers: list) -> openpyxl.Workbook:
    """Microsoft Forms' "Open in Excel" export: Sheet1, ID (number), Start time and Completion
    time (date-time cells), Email ("anonymous"), Name (blank), then one column per question."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["ID", "Start time", "Completion time", "Email", "Name", question])
    start = datetime.datetime(2025, 3, 4, 9, 15, 0)
    for i, answer in enumerate(answers):
        t0 = start + datetime.timedelta(minutes=7 * i)
        t1 = t0 + datetime.timedelta(seconds=95)
        ws.append([i + 1, t0, t1, "anonymous", None, answer])
        for col in (2, 3):
            ws.cell(row=i + 2, column=col).number_format = "m/d/yy h:mm:ss"
    return wb


def main() -> None:
    # Microsoft Forms, a ranking question: the options in ranked order, each followed by ';'.
    save(forms_sheet("Rank the priorities", ["".join(o + ";" for o in b) for b in BALLOTS]),
         "forms_ranking.xlsx")
    # Microsoft Forms, a choice question: one option per response.
    save(forms_sheet("Which priority should come first?", [b[0] for b in BALLOTS]), "forms_choice.xlsx")

    # Excel, rank columns: names in Rank 1..Rank 3, blanks where a voter stopped.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ballots"
    ws.append(["Rank 1", "Rank 2", "Rank 3"])
    for b in BALLOTS:
        ws.append(b + [None] * (3 - len(b)))
    save(wb, "excel_rank_columns.xlsx")

    # Excel, candidate columns: rank numbers (number cells) under each priority.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(CANDIDATES)
    for b in BALLOTS:
        ws.append([b.index(c) + 1 if c in b else None for c in CANDIDATES])
    save(wb, "excel_candidate_columns.xlsx")

    # Excel, distinct ballots with a count column, on the second sheet; the first holds notes.
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Notes"
    notes.append(["Priority workshop, March 2025"])
    notes.append(["Counted by the practice manager"])
    ws = wb.create_sheet("Ballots")
    ws.append(["count", "rank1", "rank2", "rank3"])
    ws.append([4, "Access", "Frailty", "Digital"])
    ws.append([3, "Frailty", "Access", None])
    ws.append([2, "Digital", "Frailty", "Access"])
    ws.append([1, "Workforce", "Frailty", None])
    save(wb, "excel_two_sheets.xlsx")

    # Excel, a hidden first sheet (a lookup list) before the ballots: the default is refused.
    wb = openpyxl.Workbook()
    lookup = wb.active
    lookup.title = "Lookup"
    for c in CANDIDATES:
        lookup.append([c])
    lookup.sheet_state = "hidden"
    ws = wb.create_sheet("Ballots")
    ws.append(["Rank 1", "Rank 2", "Rank 3"])
    for b in BALLOTS:
        ws.append(b + [None] * (3 - len(b)))
    wb.active = 1
    save(wb, "excel_hidden_first_sheet.xlsx")

    # Excel, a title merged across the top, then the table.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Practice priorities 2025"
    ws.merge_cells("A1:C1")
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["Rank 1", "Rank 2", "Rank 3"])
    for b in BALLOTS:
        ws.append(b + [None] * (3 - len(b)))
    save(wb, "excel_title_row.xlsx")

    # Excel, a two-row header: "Preference" merged over three columns, 1 2 3 beneath. Refused.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Voter", "Preference", None, None])
    ws.merge_cells("B1:D1")
    ws.append(["", 1, 2, 3])
    for i, b in enumerate(BALLOTS):
        ws.append([f"V{i + 1}"] + b + [None] * (3 - len(b)))
    save(wb, "excel_merged_header.xlsx")

    # By hand: inline strings, a boolean column, no sharedStrings or styles part, no r=
    # attributes, every element with an "x:" namespace prefix (as some .NET writers do).
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    def inline_row(cells):
        out = "<x:row>"
        for v in cells:
            if v is None:
                out += "<x:c/>"
            elif isinstance(v, bool):
                out += f'<x:c t="b"><x:v>{int(v)}</x:v></x:c>'
            else:
                out += f'<x:c t="inlineStr"><x:is><x:t>{v}</x:t></x:is></x:c>'
        return out + "</x:row>"

    rows = [inline_row(["Checked", "Rank 1", "Rank 2", "Rank 3"])]
    rows += [inline_row([True] + b + [None] * (3 - len(b))) for b in BALLOTS]
    write_raw("excel_inline_strings.xlsx", {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="{main_ns}" xmlns:r="{rel_ns}"><x:sheets>'
            '<x:sheet name="Responses" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>'),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{main_ns}"><x:sheetData>'
            + "".join(rows) + "</x:sheetData></x:worksheet>"),
    })

    # Bad: a sheet declaring Excel's whole grid; a cell at the last row and column; a DTD.
    def one_sheet(sheet_xml: str) -> dict:
        parts = {}
        with zipfile.ZipFile(os.path.join(HERE, "excel_inline_strings.xlsx")) as z:
            for n in z.namelist():
                parts[n] = z.read(n)
        parts["xl/worksheets/sheet1.xml"] = sheet_xml
        return parts

    write_raw("bad_huge_dimension.xlsx", one_sheet(
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main_ns}"><dimension ref="A1:XFD1048576"/>'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Rank 1</t></is></c></row></sheetData></worksheet>'))
    write_raw("bad_far_cell.xlsx", one_sheet(
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main_ns}"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Rank 1</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>Access</t></is></c></row>'
        '</sheetData></worksheet>'))
    write_raw("bad_dtd.xlsx", one_sheet(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>'
        f'<worksheet xmlns="{main_ns}"><sheetData><row><c t="inlineStr"><is><t>&lol;</t></is></c></row>'
        '</sheetData></worksheet>'))
    # Bad: the first half of a good workbook (its central directory is missing).
    with open(os.path.join(HERE, "excel_rank_columns.xlsx"), "rb") as f:
        good = f.read()
    with open(os.path.join(HERE, "bad_truncated.xlsx"), "wb") as f:
        f.write(good[: len(good) // 2])


if __name__ == "__main__":
    main()
