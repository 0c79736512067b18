//! PDF forms: the typesetting engine ([`typeset`]) and the forms built on it
//! from the layouts of templates/forms/ ([`forms`]).

pub mod forms;
pub mod typeset;
