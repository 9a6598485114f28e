//! Claims of one document: pure functions of its cleaned text.

pub mod date;
