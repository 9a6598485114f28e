pub mod date;
pub mod figure;
pub mod person;
pub mod quote;
pub mod sentence;
