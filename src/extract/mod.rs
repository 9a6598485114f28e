pub mod date; pub mod figure; pub mod sentence;
