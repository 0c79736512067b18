//! A table as CSV the way French Excel opens it with a double click: UTF-8
//! with a byte order mark (else accents come out garbled), `;` between
//! fields (`,` is the decimal separator), CRLF line ends, fields quoted per
//! RFC 4180 when they hold `;`, `"` or a line break. Dates are written
//! `jj/mm/aaaa`, which Excel reads as dates.
//!
//! Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! given a leading apostrophe, so that a spreadsheet never evaluates it as
//! a formula (OWASP, CSV injection): a name typed `=HYPERLINK(…)` stays text.

use super::table::{Cell, Table};

/// The bytes of `table` as CSV.
pub fn write(table: &Table) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let header: Vec<Cell> = table.headers.iter().cloned().map(Cell::Text).collect();
    for row in std::iter::once(&header).chain(&table.rows) {
        let fields: Vec<String> = row.iter().map(field).collect();
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// One cell as a CSV field, guarded and quoted.
fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => quoted(&guarded(text)),
        Cell::Date(date) => date.format("%d/%m/%Y").to_string(),
        Cell::Month(_, name) => quoted(&guarded(name)),
        Cell::Number(n) => n.to_string().replace('.', ","),
        Cell::Percent(share) => format!("{} %", (share * 100.0).round()),
        Cell::Empty => String::new(),
    }
}

/// `text` with a leading apostrophe if a spreadsheet would take it for a formula.
fn guarded(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// `text` between double quotes (inner ones doubled) when it needs them.
fn quoted(text: &str) -> String {
    if text.contains([';', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn table(rows: Vec<Vec<Cell>>) -> Table {
        Table {
            title: "t".into(),
            headers: vec!["Nom".into(), "Prénom".into()],
            rows,
        }
    }

    #[test]
    fn bom_semicolons_and_crlf() {
        let bytes = write(&table(vec![vec![
            Cell::Text("Durand".into()),
            Cell::Date(NaiveDate::from_ymd_opt(2026, 9, 3).unwrap()),
        ]]));
        assert_eq!(
            bytes,
            "\u{feff}Nom;Prénom\r\nDurand;03/09/2026\r\n".as_bytes()
        );
    }

    #[test]
    fn separators_quotes_and_line_breaks_are_quoted() {
        let bytes = write(&table(vec![vec![
            Cell::Text("Le \"Petit\"; Grand".into()),
            Cell::Text("deux\nlignes".into()),
        ]]));
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.ends_with("\"Le \"\"Petit\"\"; Grand\";\"deux\nlignes\"\r\n"),
            "{text}"
        );
    }

    #[test]
    fn formula_starts_get_an_apostrophe() {
        let cells = [
            "=HYPERLINK(\"x\")",
            "+33 6 12",
            "-1",
            "@SUM(A1)",
            "\tx",
            "Martin",
        ];
        let bytes = write(&table(vec![
            cells.iter().map(|c| Cell::Text(c.to_string())).collect(),
        ]));
        let text = String::from_utf8(bytes).unwrap();
        let row = text.split("\r\n").nth(1).unwrap();
        assert_eq!(
            row,
            "\"'=HYPERLINK(\"\"x\"\")\";'+33 6 12;'-1;'@SUM(A1);'\tx;Martin"
        );
    }
}
