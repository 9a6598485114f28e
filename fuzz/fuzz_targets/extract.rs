#![no_main]

use claimcheck::source::Format;
use libfuzzer_sys::fuzz_target;

// The first byte picks the format; the rest is the file.
fuzz_target!(|data: &[u8]| {
    if let Some((first, rest)) = data.split_first() {
        let format = [Format::Text, Format::Markdown, Format::Html][usize::from(*first % 3)];
        claimcheck::invariants::extract(rest, format);
    }
});
