//! A table of typed cells: what an export holds before it is written as a
//! workbook or as CSV. Dates stay dates until a writer formats them.

use chrono::NaiveDate;

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text, always written as text (never a formula, whatever it starts with).
    Text(String),
    /// A day.
    Date(NaiveDate),
    /// A month: its first day, and its name (« septembre 2026 ») for CSV.
    Month(NaiveDate, String),
    /// A count.
    Number(f64),
    /// A share (0.5 for half), shown as a percentage.
    Percent(f64),
    /// Nothing.
    Empty,
}

impl Cell {
    /// Text, or an empty cell when there is none.
    pub fn text(value: Option<&str>) -> Cell {
        match value {
            Some(s) if !s.is_empty() => Cell::Text(s.to_string()),
            _ => Cell::Empty,
        }
    }

    /// A date, or an empty cell.
    pub fn date(value: Option<NaiveDate>) -> Cell {
        value.map_or(Cell::Empty, Cell::Date)
    }
}

/// One sheet: a title, a header row and rows of cells.
#[derive(Clone, Debug)]
pub struct Table {
    /// The sheet's name (cut to what Excel accepts when written).
    pub title: String,
    /// The header row.
    pub headers: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}
