//! The English side of diagnostics: carnet writes every message in French
//! and, beside it, in English; the kit's `langue` picks one when the
//! diagnostic is shown (the language is not known yet while files load).

/// A diagnostic text in French, with its English when given. A plain
/// `String` or `&str` converts into French only: the guard test
/// (`tests/diagnostics_en.rs`) finds the messages left without English.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Msg {
    /// The French text (shown by default).
    pub fr: String,
    /// The English text, shown with `langue: en`.
    pub en: Option<String>,
}

/// A text in French and in English.
pub fn msg(fr: impl Into<String>, en: impl Into<String>) -> Msg {
    Msg {
        fr: fr.into(),
        en: Some(en.into()),
    }
}

impl Msg {
    /// The English text, or the French one when there is none.
    pub fn english(&self) -> &str {
        self.en.as_deref().unwrap_or(&self.fr)
    }

    /// Both texts changed by `f` (to quote them in a longer sentence, say).
    pub fn map(self, f: impl Fn(String) -> String) -> Msg {
        Msg {
            fr: f(self.fr),
            en: self.en.map(f),
        }
    }
}

impl From<String> for Msg {
    fn from(fr: String) -> Msg {
        Msg { fr, en: None }
    }
}

impl From<&str> for Msg {
    fn from(fr: &str) -> Msg {
        Msg::from(fr.to_string())
    }
}

impl From<&String> for Msg {
    fn from(fr: &String) -> Msg {
        Msg::from(fr.clone())
    }
}

impl From<&Msg> for Msg {
    fn from(m: &Msg) -> Msg {
        m.clone()
    }
}

/// The English texts of one diagnostic; `None` where a text has none yet
/// (the French one is shown then).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct English {
    /// The message.
    pub message: Option<String>,
    /// What was expected.
    pub expected: Option<String>,
    /// The labels of the other places, in the order of `Diagnostic::also`.
    pub also: Vec<Option<String>>,
}
