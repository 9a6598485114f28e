//! claimcheck: reads several articles about one event, extracts their
//! checkable claims, links the claims that speak of the same thing and
//! reports, by YAML rules, where the sources disagree.

pub mod analysis;
mod baseline;
pub mod claim;
pub mod cli;
mod config;
mod corpus;
pub mod error;
mod extract;
pub mod finding;
mod grammar;
pub mod graph;
pub mod invariants;
mod lexicon;
pub mod report;
pub mod rules;
pub mod shard;
pub mod source;
pub mod span;
mod text;
pub mod timex;

pub use error::Error;
