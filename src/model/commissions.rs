//! data/commissions.yaml (SPEC §5): the PLIE's calendar of commissions, where
//! exits are validated, and of comités, before which exit steps are linked.

use super::values::Checker;
use crate::diagnostic::{Diagnostic, msg};
use crate::load::RawFile;
use crate::load::parcours::RawCommission;
use chrono::NaiveDate;
use serde::Serialize;

/// The kinds of meeting of the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommissionKind {
    /// Validates positive exits.
    Commission,
    /// Comité technique: exit steps linked 15 days before.
    ComiteTechnique,
    /// Comité de pilotage: exit steps linked 15 days before.
    ComitePilotage,
}

/// The words of `type:`, in the order they are listed to the user.
pub const COMMISSION_KINDS: [&str; 3] = ["commission", "comite_technique", "comite_pilotage"];

/// One meeting of the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commission {
    /// Day of the meeting.
    pub date: NaiveDate,
    /// Last day to link exit steps for it (commissions; none given: none known).
    pub cloture: Option<NaiveDate>,
    /// Commission or comité.
    pub kind: CommissionKind,
}

/// Checks the calendar; its meetings sorted by date.
pub(super) fn build(
    raw: Option<&RawFile<Vec<RawCommission>>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Commission> {
    let Some(raw) = raw else {
        return Vec::new();
    };
    let mut c = Checker {
        file: raw.file,
        diagnostics,
    };
    let mut out: Vec<Commission> = raw
        .record
        .iter()
        .filter_map(|entry| {
            let at = c.entry_span(&[&entry.date, &entry.cloture, &entry.r#type]);
            let date = match &entry.date {
                Some(d) => c.date(d),
                None => {
                    c.missing_at(
                        at,
                        "date",
                        msg(
                            "la date de la réunion, par exemple date: 2027-02-04",
                            "the meeting's date, e.g. date: 2027-02-04",
                        ),
                    );
                    None
                }
            };
            let cloture = c.opt_date(&entry.cloture);
            let kind = match &entry.r#type {
                None => {
                    c.missing_at(
                        at,
                        "type",
                        msg(
                            "commission, comite_technique ou comite_pilotage",
                            "commission, comite_technique or comite_pilotage",
                        ),
                    );
                    None
                }
                Some(t) => match t.text() {
                    "commission" => Some(CommissionKind::Commission),
                    "comite_technique" => Some(CommissionKind::ComiteTechnique),
                    "comite_pilotage" => Some(CommissionKind::ComitePilotage),
                    other => {
                        c.error(
                            t,
                            msg(
                                format!("type de réunion inconnu « {other} »"),
                                format!("unknown meeting type « {other} »"),
                            ),
                            msg(
                                format!("un de : {}", COMMISSION_KINDS.join(", ")),
                                format!("one of: {}", COMMISSION_KINDS.join(", ")),
                            ),
                        );
                        None
                    }
                },
            };
            if let (Some(date), Some(cloture), Some(text)) = (date, cloture, &entry.cloture)
                && cloture > date
            {
                c.error(
                    text,
                    msg(
                        format!(
                            "la clôture des liaisons ({cloture}) tombe après la réunion ({date})"
                        ),
                        format!("the links' closing ({cloture}) falls after the meeting ({date})"),
                    ),
                    msg(
                        "une date de clôture au plus tard le jour de la réunion",
                        "a closing date on the meeting's day at the latest",
                    ),
                );
            }
            Some(Commission {
                date: date?,
                cloture,
                kind: kind?,
            })
        })
        .collect();
    out.sort_by_key(|m| m.date);
    out
}
