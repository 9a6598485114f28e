#![no_main]

use claimcheck::source::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| claimcheck::invariants::read(data, Format::Html));
