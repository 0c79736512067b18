//! `carnet serve`: the site held in memory, rebuilt when the kit changes,
//! served on the local machine with live reload.

pub mod site;
